import { useCallback, useEffect, useId, useRef, useState } from 'react'
import type { ScreeningEntry } from '../../../../shared/contract/screenings'
import { journal, unwrap } from '../../bridge'
import { reportError } from '../../app/noticeStore'
import { useDataChanged } from '../../app/useDataChanged'
import { StarRatingText } from '../../components/StarRatingText'
import { useQuickLog } from './quickLogStore'
import { ScreeningBadges } from './DiaryRow'
import { FORMAT_LABELS, formatDay } from './labels'
import './screenings.css'

function describe(s: ScreeningEntry): string {
  return [formatDay(s.watchedOn), s.venue, FORMAT_LABELS[s.format], s.formatDetail]
    .filter(Boolean)
    .join(' · ')
}

/**
 * Inside the review editor: the screenings this review came from, the embargo warning when it
 * was published too early, and a way to link another viewing of the same film.
 */
export function ReviewScreenings({ reviewId, workId = null }: { reviewId: string; workId?: string | null }) {
  const id = useId()
  const [linked, setLinked] = useState<ScreeningEntry[] | null>(null)
  const [candidates, setCandidates] = useState<ScreeningEntry[]>([])
  const openEdit = useQuickLog((s) => s.openEdit)
  // Reloads overlap (a log, then its link, each announced): only the latest one's answers show,
  // or an older answer arriving last would offer a linked screening as one to link.
  const latest = useRef(0)

  const reload = useCallback(() => {
    const asked = ++latest.current
    const current = () => asked === latest.current
    unwrap(journal['screenings.forReview']({ reviewId })).then((l) => current() && setLinked(l), reportError)
    if (workId) {
      unwrap(journal['screenings.list']({ workId }))
        .then((all) => current() && setCandidates(all.filter((s) => s.reviewId !== reviewId)))
        .catch(reportError)
    } else setCandidates([])
  }, [reviewId, workId])
  useEffect(reload, [reload])
  useDataChanged(['screenings', 'reviews'], reload)

  async function link(screeningId: string, to: string | null) {
    try {
      await unwrap(journal['screenings.link']({ id: screeningId, reviewId: to }))
      reload()
    } catch (err) {
      reportError(err)
    }
  }

  if (!linked) return null
  const broken = linked.filter((s) => s.embargoBroken)
  return (
    <section className="review-screenings" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Screenings this review came from</h2>
      {broken.map((s) => (
        <p key={s.id} className="embargo-warning" role="alert">
          Published before the embargo: the screening of {formatDay(s.watchedOn)} is embargoed until{' '}
          {formatDay(s.embargoUntil as string)}.
        </p>
      ))}
      {linked.length === 0 ? (
        <p className="hint">No screening is linked to this review yet.</p>
      ) : (
        <ul aria-label="Linked screenings">
          {linked.map((s) => (
            <li key={s.id}>
              <span>{describe(s)}</span>
              {s.rating !== null && <StarRatingText rating={s.rating} />}
              <ScreeningBadges entry={s} />
              {s.embargoUntil && !s.embargoBroken && (
                <span className="hint">Embargo until {formatDay(s.embargoUntil)}</span>
              )}
              <button
                type="button"
                className="link-button"
                aria-label={`Edit the screening of ${formatDay(s.watchedOn)}`}
                onClick={() => openEdit(s)}
              >
                Edit
              </button>
              <button
                type="button"
                className="link-button"
                aria-label={`Unlink the screening of ${formatDay(s.watchedOn)}`}
                onClick={() => void link(s.id, null)}
              >
                Unlink
              </button>
            </li>
          ))}
        </ul>
      )}
      {candidates.length > 0 && (
        <div className="row">
          <label htmlFor={`${id}-link`}>Link another screening of this film</label>
          <select
            id={`${id}-link`}
            value=""
            onChange={(e) => {
              if (e.target.value) void link(e.target.value, reviewId)
            }}
          >
            <option value="">Choose a screening…</option>
            {candidates.map((s) => (
              <option key={s.id} value={s.id}>
                {describe(s)}
              </option>
            ))}
          </select>
        </div>
      )}
    </section>
  )
}
