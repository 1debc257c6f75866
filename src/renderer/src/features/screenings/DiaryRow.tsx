import { memo } from 'react'
import type { ScreeningEntry } from '../../../../shared/contract/screenings'
import { StarRatingText } from '../../components/StarRatingText'
import { useNavigation } from '../../app/navigationStore'
import { filmLabel } from '../../ui/filmLabel'
import { useQuickLog } from './quickLogStore'
import { useDeleteConfirm, writeReviewFrom } from './screeningActions'
import { FORMAT_LABELS, formatDay } from './labels'
import { formatClock } from '../../ui/dates'

/** The marks a screening can carry: rewatch, walked out, and the embargo warning. */
export function ScreeningBadges({ entry }: { entry: ScreeningEntry }) {
  return (
    <>
      {entry.rewatch && <span className="badge">Rewatch</span>}
      {entry.walkedOut && <span className="badge">Walked out</span>}
      {entry.embargoBroken && entry.embargoUntil && (
        <span
          className="badge badge-embargo"
          title={`The linked review was published before the embargo date, ${formatDay(entry.embargoUntil)}`}
        >
          Published before embargo
        </span>
      )}
    </>
  )
}

/** One screening in the diary: a row of cells, its actions at the end. Memoised: scrolling moves rows, it does not change them. */
export const DiaryRow = memo(function DiaryRow({ entry }: { entry: ScreeningEntry }) {
  const openFilm = useNavigation((s) => s.openFilm)
  const openEdit = useQuickLog((s) => s.openEdit)
  const ask = useDeleteConfirm((s) => s.ask)
  const day = formatDay(entry.watchedOn)
  const film = filmLabel({ title: entry.workTitle, year: entry.workYear })
  const where = [entry.venue, entry.companions.length ? `with ${entry.companions.join(', ')}` : '']
    .filter(Boolean)
    .join(' ')
  const hasReview = Boolean(entry.reviewId && entry.reviewStatus)
  // Short button names; the film and the day they act on are read as their description.
  const about = `diary-${entry.id}-film diary-${entry.id}-date`
  return (
    <>
      <div role="cell" className="diary-date" id={`diary-${entry.id}-date`}>
        <span className="diary-text">{day}</span>
        {entry.watchedTime && <span className="diary-sub">{formatClock(entry.watchedTime)}</span>}
      </div>
      <div role="cell" className="diary-film">
        <button
          type="button"
          className="link-button"
          data-col="film"
          id={`diary-${entry.id}-film`}
          onClick={() => openFilm(entry.workId)}
        >
          <span className="diary-text">{film}</span>
        </button>
        <ScreeningBadges entry={entry} />
      </div>
      <div role="cell" className="diary-where" title={where || undefined}>
        <span className="diary-text">{entry.venue}</span>
        {entry.companions.length > 0 && <span className="diary-sub">with {entry.companions.join(', ')}</span>}
      </div>
      <div role="cell" title={entry.formatDetail || undefined}>
        <span className="diary-text">{FORMAT_LABELS[entry.format]}</span>
        {entry.formatDetail && <span className="diary-sub">{entry.formatDetail}</span>}
      </div>
      <div role="cell">{entry.rating !== null && <StarRatingText rating={entry.rating} />}</div>
      <div role="cell" className="diary-actions">
        <button type="button" data-col="edit" aria-describedby={about} onClick={() => openEdit(entry)}>
          Edit
        </button>
        <button
          type="button"
          data-col="review"
          aria-describedby={about}
          onClick={() => void writeReviewFrom(entry)}
        >
          {hasReview ? 'Open review' : 'Write review'}
        </button>
        <button type="button" data-col="delete" aria-describedby={about} onClick={() => ask(entry)}>
          Delete
        </button>
      </div>
    </>
  )
})
