import type { KeyboardEvent } from 'react'
import type { SearchHit, SearchKind, SearchResults, SnippetPart } from '../../../../shared/contract/search'
import { useNavigation } from '../../app/navigationStore'

const GROUP_LABELS: Record<SearchKind, string> = {
  review: 'Reviews',
  response: 'Responses',
  screening: 'Screenings',
  work: 'Films'
}

/** Opens what a hit points at: a review (or the review a response is on), else the film page. */
export function openHit(hit: SearchHit): void {
  const nav = useNavigation.getState()
  if ((hit.kind === 'review' || hit.kind === 'response') && hit.reviewId) nav.openReview(hit.reviewId)
  else if (hit.workId) nav.openFilm(hit.workId)
}

/** Matched words as <mark> around plain text: the journal's text is never parsed as markup. */
export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <span className="search-snippet">
      {parts.map((part, i) =>
        part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>
      )}
    </span>
  )
}

/** Up and Down move between all hits in reading order; Escape goes back to the box. */
function moveFocus(event: KeyboardEvent<HTMLElement>, onEscape: () => void) {
  if (event.key === 'Escape') {
    event.preventDefault()
    onEscape()
    return
  }
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
  event.preventDefault()
  const hits = [...document.querySelectorAll<HTMLButtonElement>('.search-hit')]
  const at = hits.indexOf(event.target as HTMLButtonElement)
  const next = event.key === 'ArrowDown' ? at + 1 : at - 1
  if (next < 0) onEscape()
  else hits[Math.min(next, hits.length - 1)]?.focus()
}

function hitMeta(hit: SearchHit): string {
  const parts = [hit.detail, hit.date, hit.rating !== null ? `${hit.rating}★` : null, hit.status]
  return parts.filter((p) => p !== null && p !== '').join(' · ')
}

export function SearchResultList({ results, onEscape }: { results: SearchResults; onEscape: () => void }) {
  return (
    <div className="search-results" onKeyDown={(e) => moveFocus(e, onEscape)}>
      {results.groups.map((group) => (
        <section key={group.kind} aria-labelledby={`search-group-${group.kind}`} className="search-group">
          <h2 id={`search-group-${group.kind}`}>
            {GROUP_LABELS[group.kind]}{' '}
            <span className="badge">{group.more ? `${group.hits.length}+` : group.hits.length}</span>
          </h2>
          <ul className="search-hits">
            {group.hits.map((hit) => (
              <li key={hit.id}>
                <button type="button" className="search-hit" onClick={() => openHit(hit)}>
                  <span className="search-hit-title">{hit.title}</span>
                  <span className="item-meta">{hitMeta(hit)}</span>
                  <Snippet parts={hit.snippet} />
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
