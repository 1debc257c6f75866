import { useCallback, useEffect, useState } from 'react'
import type { FilmHistory } from '../../../../shared/contract/screenings'
import { journal, unwrap } from '../../bridge'
import { reportError } from '../../app/noticeStore'
import { useNavigation } from '../../app/navigationStore'
import { useDataChanged } from '../../app/useDataChanged'
import { StarRatingText } from '../../components/StarRatingText'
import { filmLabel } from '../../ui/filmLabel'
import { useQuickLog } from '../screenings/quickLogStore'
import { useDeleteConfirm, writeReviewFrom } from '../screenings/screeningActions'
import { ScreeningBadges } from '../screenings/DiaryRow'
import { FORMAT_LABELS, formatDay, plural } from '../screenings/labels'
import { FilmPageRatings } from './FilmPageRatings'
import './FilmPage.css'

/** One film: every screening and review of it, its first and latest viewing, and its ratings over time. */
export function FilmPage() {
  const workId = useNavigation((s) => s.workId)
  const { go, openReview } = useNavigation()
  const { openNew, openEdit } = useQuickLog()
  const [film, setFilm] = useState<FilmHistory | null>(null)
  const [missing, setMissing] = useState(false)

  const reload = useCallback(() => {
    if (!workId) return
    unwrap(journal['screenings.film']({ workId })).then(
      (next) => {
        setFilm(next)
        setMissing(false)
      },
      (err: unknown) => {
        setMissing(true)
        reportError(err)
      }
    )
  }, [workId])
  useEffect(reload, [reload])
  useDataChanged(['screenings', 'reviews', 'works'], reload)

  if (!workId || missing) {
    return (
      <section className="page" aria-labelledby="film-heading">
        <h1 id="film-heading">Film</h1>
        <p className="empty">This film is not in the journal.</p>
        <button type="button" onClick={() => go('screenings')}>
          Back to the diary
        </button>
      </section>
    )
  }
  if (!film || film.work.id !== workId)
    return (
      <p className="loading" aria-busy="true">
        Opening the film…
      </p>
    )

  const { work, screenings, reviews } = film
  const newestFirst = [...screenings].reverse()
  return (
    <section className="page film-page" aria-labelledby="film-heading">
      <header className="film-header">
        <div>
          <h1 id="film-heading">{filmLabel(work)}</h1>
          {work.directors.length > 0 && <p className="hint">Directed by {work.directors.join(', ')}</p>}
        </div>
        <button type="button" className="primary" onClick={() => openNew(work)}>
          Log a screening of this film
        </button>
      </header>
      <dl className="film-facts">
        <div>
          <dt>Screenings</dt>
          <dd>{screenings.length}</dd>
        </div>
        <div>
          <dt>First viewing</dt>
          <dd>{film.firstViewing ? formatDay(film.firstViewing) : 'Not yet'}</dd>
        </div>
        <div>
          <dt>Latest viewing</dt>
          <dd>{film.latestViewing ? formatDay(film.latestViewing) : 'Not yet'}</dd>
        </div>
        <div>
          <dt>Reviews</dt>
          <dd>{reviews.length}</dd>
        </div>
      </dl>

      <h2>Ratings over time</h2>
      <FilmPageRatings points={film.ratings} />

      <h2>Screenings</h2>
      {newestFirst.length === 0 ? (
        <p className="hint">Not logged yet.</p>
      ) : (
        <ul className="card-list" aria-label="Screenings">
          {newestFirst.map((s) => (
            <li key={s.id} className="card">
              <p className="card-meta">
                <strong>{formatDay(s.watchedOn)}</strong>
                {s.watchedTime && ` ${s.watchedTime}`} ·{' '}
                {[s.venue, FORMAT_LABELS[s.format], s.formatDetail].filter(Boolean).join(' · ')}
                {s.rating !== null && <StarRatingText rating={s.rating} />}
                <ScreeningBadges entry={s} />
              </p>
              {s.companions.length > 0 && <p className="hint">With {s.companions.join(', ')}</p>}
              {s.notes && <p className="card-body">{s.notes}</p>}
              <div className="row">
                <button
                  type="button"
                  aria-label={`Edit the screening of ${formatDay(s.watchedOn)}`}
                  onClick={() => openEdit(s)}
                >
                  Edit
                </button>
                <button type="button" onClick={() => void writeReviewFrom(s)}>
                  {s.reviewId && s.reviewStatus
                    ? `Open review: ${s.reviewTitle || 'Untitled review'}`
                    : 'Write a review from this screening'}
                </button>
                <button
                  type="button"
                  aria-label={`Delete the screening of ${formatDay(s.watchedOn)}`}
                  onClick={() => useDeleteConfirm.getState().ask(s, reload)}
                >
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}

      <h2>Reviews</h2>
      {reviews.length === 0 ? (
        <p className="hint">No review of this film yet.</p>
      ) : (
        <ul className="card-list" aria-label="Reviews">
          {reviews.map((r) => (
            <li key={r.id} className="card">
              <button type="button" className="link-button" onClick={() => openReview(r.id)}>
                {r.title || 'Untitled review'}
              </button>
              <span className="badge">{r.status}</span>
              {r.rating !== null && <StarRatingText rating={r.rating} />}
              <span className="hint"> · {plural(r.wordCount, 'word')}</span>
              {r.publishedAt && (
                <span className="hint"> · published {formatDay(r.publishedAt.slice(0, 10))}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
