import { useState } from 'react'
import type { DuplicateGroup, WorkSummary } from '../../../../shared/contract/works'
import { useNotices, reportError } from '../../app/noticeStore'
import { useFilms } from './filmsStore'

const REASONS: Record<DuplicateGroup['reason'], string> = {
  title: 'Same title and year',
  tmdb: 'Same TMDB id',
  imdb: 'Same IMDb id'
}

/** The film with the most in it stays by default: fewer screenings and reviews to move. */
function defaultKeep(group: DuplicateGroup): string {
  const weight = (w: WorkSummary) => w.screeningCount + w.reviewCount
  return [...group.works].sort((a, b) => weight(b) - weight(a))[0].id
}

function label(w: WorkSummary): string {
  const counts = `${w.screeningCount} screenings, ${w.reviewCount} reviews`
  const ids = [w.letterboxdUri, w.tmdbId && `TMDB ${w.tmdbId}`, w.imdbId].filter(Boolean).join(', ')
  return `${w.title}${w.year ? ` (${w.year})` : ''} — ${counts}${ids ? ` — ${ids}` : ''}`
}

function MergeGroup({ group }: { group: DuplicateGroup }) {
  const merge = useFilms((s) => s.merge)
  const [keep, setKeep] = useState(() => defaultKeep(group))
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const others = group.works.filter((w) => w.id !== keep)
  const kept = group.works.find((w) => w.id === keep)
  const moving = others.reduce((n, w) => n + w.screeningCount + w.reviewCount, 0)

  const run = async () => {
    setBusy(true)
    try {
      const result = await merge(
        keep,
        others.map((w) => w.id)
      )
      useNotices.getState().show({
        tone: 'info',
        message: `Merged into ${result.work.title}: moved ${result.movedScreenings} screenings and ${result.movedReviews} reviews.`
      })
    } catch (err) {
      reportError(err)
    } finally {
      setBusy(false)
      setConfirming(false)
    }
  }

  return (
    <li className="card merge-group">
      <fieldset>
        <legend>{REASONS[group.reason]}: choose the film to keep</legend>
        {group.works.map((w) => (
          <label key={w.id} className="merge-choice">
            <input
              type="radio"
              name={`keep-${group.key}`}
              checked={keep === w.id}
              onChange={() => setKeep(w.id)}
            />
            {label(w)}
          </label>
        ))}
      </fieldset>
      {confirming ? (
        <div className="row" role="group" aria-label="Confirm merge">
          <p className="merge-confirm">
            Move {moving} screenings and reviews into {kept?.title} and remove{' '}
            {others.length === 1 ? 'the other film' : `${others.length} other films`}? Their ids and details
            are kept on {kept?.title}.
          </p>
          <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
            Merge
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Merge into the kept film…
        </button>
      )}
    </li>
  )
}

/** Groups of films that look like one film, each mergeable into the one chosen to stay. */
export function MergeDuplicates() {
  const { duplicates, closeDuplicates } = useFilms()
  if (!duplicates) return null
  return (
    <section className="merge-duplicates" aria-labelledby="duplicates-heading">
      <div className="row">
        <h2 id="duplicates-heading">Possible duplicates</h2>
        <button type="button" onClick={closeDuplicates}>
          Close
        </button>
      </div>
      {duplicates.length === 0 ? (
        <p className="empty">
          No duplicates found: no two films share a title and year, a TMDB id or an IMDb id.
        </p>
      ) : (
        <ul className="card-list">
          {duplicates.map((group) => (
            <MergeGroup key={group.key} group={group} />
          ))}
        </ul>
      )}
    </section>
  )
}
