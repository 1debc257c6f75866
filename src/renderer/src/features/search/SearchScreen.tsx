import { useCallback, useEffect, useRef } from 'react'
import { isSearching, useSearch } from './searchStore'
import { SearchFilters } from './SearchFilters'
import { GROUP_LABELS, SearchResultList } from './SearchResults'
import { SearchKindPage } from './SearchKindPage'
import type { SearchKind } from '../../../../shared/contract/search'
import { useDataChanged } from '../../app/useDataChanged'
import './search.css'

/**
 * One search box over the whole journal, live as you type, with filters beside it and results
 * grouped by kind. Arrow Down moves from the box into the results; Escape clears the box.
 */
export function SearchScreen() {
  const { text, filters, setText, results, resultsFor, searching, error, focusRequest, loadFacets, refresh } =
    useSearch()
  const { page, showPage, closePage } = useSearch()
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    void loadFacets()
  }, [loadFacets])
  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [focusRequest])
  const reload = useCallback(() => {
    void loadFacets()
    refresh()
  }, [loadFacets, refresh])
  useDataChanged(['reviews', 'responses', 'screenings', 'works', 'tags'], reload)

  const total = results?.groups.reduce((n, g) => n + g.hits.length, 0) ?? 0
  const found = results?.groups.reduce((n, g) => n + g.total, 0) ?? 0
  // Back from one kind's pages, the keyboard is where it left: on that kind's "Show all".
  const closeKindPage = (kind: SearchKind) => {
    closePage()
    requestAnimationFrame(() => document.getElementById(`search-show-all-${kind}`)?.focus())
  }
  const browsing = !text.trim()
  // Opened on one kind, the pages below say which of its hits they hold.
  const shown = page
    ? `; all ${page.total.toLocaleString()} ${GROUP_LABELS[page.kind].toLowerCase()} below, a page at a time`
    : found > total
      ? `, ${total} shown`
      : ''
  const summary = !isSearching(text, filters)
    ? 'Type to search reviews, responses, screenings and films, or pick a filter to list what matches it.'
    : error
      ? error
      : results === null
        ? 'Searching…'
        : total === 0
          ? browsing
            ? 'Nothing matches these filters.'
            : `No results for ${results.words.join(' ') || 'that'}.`
          : `${found.toLocaleString()} ${found === 1 ? 'result' : 'results'}${shown}${browsing ? ', newest first' : ''}.`

  return (
    <section className="page search-screen" aria-labelledby="search-heading" data-results-for={resultsFor}>
      <h1 id="search-heading">Search</h1>
      <form role="search" className="search-form" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="search-box" className="visually-hidden">
          Search the journal
        </label>
        <input
          id="search-box"
          ref={input}
          type="search"
          className="search-box"
          placeholder="Search reviews, responses, screenings, films…  (quotes for a phrase)"
          autoComplete="off"
          spellCheck={false}
          value={text}
          aria-describedby="search-summary"
          aria-keyshortcuts="Control+K Meta+K"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault()
              document.querySelector<HTMLButtonElement>('.search-hit')?.focus()
            } else if (e.key === 'Escape' && text) {
              e.preventDefault()
              setText('')
            }
          }}
        />
        <SearchFilters />
      </form>
      <p id="search-summary" className={error ? 'field-error' : 'hint'} role="status" aria-busy={searching}>
        {summary}
      </p>
      {page ? (
        <SearchKindPage
          page={page}
          onEscape={() => input.current?.focus()}
          onClose={() => closeKindPage(page.kind)}
        />
      ) : (
        results &&
        total > 0 && (
          <SearchResultList
            results={results}
            onEscape={() => input.current?.focus()}
            onShowAll={(kind) => void showPage(kind, 0)}
          />
        )
      )}
    </section>
  )
}
