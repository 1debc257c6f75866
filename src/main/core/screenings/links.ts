import type { Db } from '../db/connection'
import type { ScreeningEntry } from '../../../shared/contract/screenings'
import { JournalFailure, notFound } from '../context'
import { now } from '../ids'
import { createReview, saveReview } from '../reviews/reviews'
import { updateScreening } from '../stores/screenings'
import { ENTRY_SELECT, getScreening, liveScreeningRow, toEntries, type DbScreeningEntry } from './screenings'

function liveReview(db: Db, id: string): { work_id: string | null } | undefined {
  return db.prepare('SELECT work_id FROM reviews WHERE id = ? AND deleted_at IS NULL').get(id) as
    | { work_id: string | null }
    | undefined
}

/**
 * "Write a review" from a screening: a new review of the screening's film, titled after it and
 * carrying the screening's rating, linked to the screening. A screening that already led to a
 * live review opens that one instead of making a second. Runs in the caller's transaction.
 */
export function startReview(db: Db, screeningId: string): { reviewId: string; created: boolean } {
  const screening = liveScreeningRow(db, screeningId)
  if (screening.review_id && liveReview(db, screening.review_id)) {
    return { reviewId: screening.review_id, created: false }
  }
  const review = createReview(db, { title: screening.work_title, workId: screening.work_id })
  if (screening.rating !== null) saveReview(db, { id: review.id, rating: screening.rating })
  updateScreening(db, screeningId, { review_id: review.id, updated_at: now() })
  return { reviewId: review.id, created: true }
}

/** Links a screening to an existing review of the same film (or unlinks it with `null`). */
export function linkScreening(db: Db, screeningId: string, reviewId: string | null): ScreeningEntry {
  const screening = liveScreeningRow(db, screeningId)
  if (reviewId !== null) {
    const review = liveReview(db, reviewId)
    if (!review) throw notFound('review', reviewId)
    if (review.work_id && review.work_id !== screening.work_id) {
      throw new JournalFailure(
        'CONFLICT',
        'That review is about another film; a screening links only to a review of its own film.'
      )
    }
  }
  updateScreening(db, screeningId, { review_id: reviewId, updated_at: now() })
  return getScreening(db, screeningId)
}

/** The live screenings a review came from, oldest first. */
export function screeningsForReview(db: Db, reviewId: string): ScreeningEntry[] {
  if (!db.prepare('SELECT 1 FROM reviews WHERE id = ?').get(reviewId)) throw notFound('review', reviewId)
  const rows = db
    .prepare(
      `${ENTRY_SELECT} WHERE s.review_id = ? AND s.deleted_at IS NULL ORDER BY s.watched_on, s.watched_time, s.created_at`
    )
    .all(reviewId) as DbScreeningEntry[]
  return toEntries(db, rows)
}
