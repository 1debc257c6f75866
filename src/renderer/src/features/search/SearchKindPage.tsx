import { useEffect, useRef } from 'react'
import { PAGE_SIZE, useSearch, type KindPage } from './searchStore'
import { GROUP_LABELS, HitButton, moveFocus } from './SearchResults'

const count = (n: number) => n.toLocaleString()

/**
 * "Show all N": one kind's hits a page at a time, so that thousands of hits cost one page of
 * rows each. Each page's first hit takes the focus when it arrives, so the keyboard reads on
 * from there; Previous and Next stay where they are between pages.
 */
export function SearchKindPage({
  page,
  onEscape,
  onClose
}: {
  page: KindPage
  onEscape: () => void
  onClose: () => void
}) {
  const showPage = useSearch((s) => s.showPage)
  const list = useRef<HTMLUListElement>(null)
  // Set when a page is asked for; the page's first hit takes the focus once it is shown.
  const focusFirstHit = useRef(true)
  useEffect(() => {
    if (page.loading || !focusFirstHit.current) return
    focusFirstHit.current = false
    list.current?.querySelector<HTMLButtonElement>('.search-hit')?.focus()
  }, [page.loading, page.offset])

  const label = GROUP_LABELS[page.kind]
  const last = page.offset + page.hits.length
  const go = (offset: number) => {
    if (page.loading) return
    focusFirstHit.current = true
    void showPage(page.kind, offset)
  }
  const status = page.loading
    ? `Loading ${label.toLowerCase()}…`
    : page.hits.length
      ? `${count(page.offset + 1)}–${count(last)} of ${count(page.total)}`
      : 'No more hits.'

  return (
    <section
      className="search-group search-page"
      aria-labelledby="search-page-heading"
      aria-busy={page.loading}
    >
      <h2 id="search-page-heading">
        All {label.toLowerCase()} <span className="badge">{count(page.total)}</span>
      </h2>
      <p className="hint" role="status">
        {status}
      </p>
      <div onKeyDown={(e) => moveFocus(e, onEscape)}>
        <ul ref={list} className="search-hits">
          {page.hits.map((hit) => (
            <li key={hit.id}>
              <HitButton hit={hit} />
            </li>
          ))}
        </ul>
      </div>
      <nav className="search-pager" aria-label={`Pages of ${label.toLowerCase()}`}>
        <button type="button" onClick={onClose}>
          Back to all results
        </button>
        <button
          type="button"
          disabled={page.offset === 0}
          onClick={() => go(Math.max(0, page.offset - PAGE_SIZE))}
        >
          Previous {PAGE_SIZE}
        </button>
        <button type="button" disabled={last >= page.total} onClick={() => go(page.offset + PAGE_SIZE)}>
          Next {PAGE_SIZE}
        </button>
      </nav>
    </section>
  )
}
