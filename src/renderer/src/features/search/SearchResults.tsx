import type { KeyboardEvent } from 'react'
import type { SearchHit, SearchKind, SearchResults, SnippetPart } from '../../../../shared/contract/search'
import { useNavigation } from '../../app/navigationStore'
import { useThread } from '../responses/threadStore'
import { formatDay } from '../../ui/dates'
import { revealWhenShown } from './revealMatch'

export const GROUP_LABELS: Record<SearchKind, string> = {
  review: 'Reviews',
  response: 'Responses',
  screening: 'Screenings',
  work: 'Films'
}

/**
 * Opens what a hit points at, at the match: a review scrolled to the matched passage, marked,
 * with the cursor there; a response in its review's thread, focused and marked; else the film.
 */
export function openHit(hit: SearchHit): Promise<Range | null> {
  const nav = useNavigation.getState()
  const words = hit.snippet.find((part) => part.hit)?.text ?? ''
  if (hit.kind === 'response' && hit.reviewId) {
    useThread.getState().requestFocus(hit.id)
    nav.openReview(hit.reviewId)
    return revealWhenShown(`#response-${CSS.escape(hit.id)} .response-body`, words)
  }
  if (hit.kind === 'review' && hit.reviewId) {
    nav.openReview(hit.reviewId)
    return revealWhenShown('.editor-input', words).then((range) => {
      if (range) placeCaret(range)
      return range
    })
  }
  if (hit.workId) nav.openFilm(hit.workId)
  return Promise.resolve(null)
}

/** Puts the cursor at the start of the match in the editor, so reading on or typing starts there. */
function placeCaret(range: Range): void {
  const editable = range.startContainer.parentElement?.closest<HTMLElement>('[contenteditable="true"]')
  if (!editable) return
  editable.focus({ preventScroll: true })
  const caret = range.cloneRange()
  caret.collapse(true)
  const selection = window.getSelection()
  selection?.removeAllRanges()
  selection?.addRange(caret)
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
export function moveFocus(event: KeyboardEvent<HTMLElement>, onEscape: () => void) {
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
  const parts = [
    hit.detail,
    hit.date && formatDay(hit.date),
    hit.rating !== null ? `${hit.rating}★` : null,
    hit.status
  ]
  return parts.filter((p) => p !== null && p !== '').join(' · ')
}

/** One hit as a button that opens it. */
export function HitButton({ hit }: { hit: SearchHit }) {
  return (
    <button type="button" className="search-hit" onClick={() => void openHit(hit)}>
      <span className="search-hit-title">{hit.title}</span>
      <span className="item-meta">{hitMeta(hit)}</span>
      <Snippet parts={hit.snippet} />
    </button>
  )
}

const count = (n: number) => n.toLocaleString()

export function SearchResultList({
  results,
  onEscape,
  onShowAll
}: {
  results: SearchResults
  onEscape: () => void
  onShowAll: (kind: SearchKind) => void
}) {
  return (
    <div className="search-results" onKeyDown={(e) => moveFocus(e, onEscape)}>
      {results.groups.map((group) => (
        <section key={group.kind} aria-labelledby={`search-group-${group.kind}`} className="search-group">
          <h2 id={`search-group-${group.kind}`}>
            {GROUP_LABELS[group.kind]} <span className="badge">{count(group.total)}</span>
          </h2>
          <ul className="search-hits">
            {group.hits.map((hit) => (
              <li key={hit.id}>
                <HitButton hit={hit} />
              </li>
            ))}
          </ul>
          {group.total > group.hits.length && (
            <button
              type="button"
              id={`search-show-all-${group.kind}`}
              className="search-show-all"
              onClick={() => onShowAll(group.kind)}
            >
              Show all {count(group.total)} {GROUP_LABELS[group.kind].toLowerCase()}
            </button>
          )}
        </section>
      ))}
    </div>
  )
}
