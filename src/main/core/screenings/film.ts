import type { Db } from '../db/connection'
import type { ReviewSummary } from '../../../shared/domain'
import type { FilmHistory, RatingPoint } from '../../../shared/contract/screenings'
import { getWork } from '../works/works'
import { getReview } from '../reviews/reviews'
import { ENTRY_SELECT, toEntries, type DbScreeningEntry } from './screenings'

/** The live reviews of one film, without their bodies (the film page lists, it does not read). */
function reviewsOfWork(db: Db, workId: string): ReviewSummary[] {
  const ids = db
    .prepare('SELECT id FROM reviews WHERE work_id = ? AND deleted_at IS NULL ORDER BY created_at')
    .pluck()
    .all(workId) as string[]
  return ids.map((id) => {
    const { body: _body, text: _text, ...summary } = getReview(db, id)
    return summary
  })
}

/**
 * Everything about one film: every live screening (oldest first) and review, the first and
 * latest viewing, and its ratings over time — each screening's rating on its day, and each
 * rated review's on the day it was published (or last edited, while unpublished).
 */
export function filmHistory(db: Db, workId: string): FilmHistory {
  const work = getWork(db, workId)
  const rows = db
    .prepare(
      `${ENTRY_SELECT} WHERE s.work_id = ? AND s.deleted_at IS NULL
       ORDER BY s.watched_on, s.watched_time, s.created_at`
    )
    .all(workId) as DbScreeningEntry[]
  const screenings = toEntries(db, rows)
  const reviews = reviewsOfWork(db, workId)
  const ratings: RatingPoint[] = [
    ...screenings
      .filter((s) => s.rating !== null)
      .map((s) => ({ on: s.watchedOn, rating: s.rating as number, source: 'screening' as const, id: s.id })),
    ...reviews
      .filter((r) => r.rating !== null)
      .map((r) => ({
        on: (r.publishedAt ?? r.updatedAt).slice(0, 10),
        rating: r.rating as number,
        source: 'review' as const,
        id: r.id
      }))
  ].sort((a, b) => a.on.localeCompare(b.on))
  return {
    work,
    screenings,
    reviews,
    firstViewing: screenings[0]?.watchedOn ?? null,
    latestViewing: screenings.at(-1)?.watchedOn ?? null,
    ratings
  }
}
