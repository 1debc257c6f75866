import type { Db } from '../db/connection'
import type { ReviewSummary } from '../../../shared/domain'
import { JournalFailure, notFound } from '../context'
import { now } from '../ids'
import { listReviews } from './reviews'
import { deleteReviews, updateReview } from '../stores/reviews'

function summaryOf(db: Db, id: string, scope: 'live' | 'trash'): ReviewSummary {
  const found = listReviews(db, scope).find((r) => r.id === id)
  if (!found) throw notFound('review', id)
  return found
}

/** Moves a review to the trash: hidden from lists and search, kept whole until the trash is emptied. */
export function trashReview(db: Db, id: string): ReviewSummary {
  const changed = updateReview(db, id, { deleted_at: now() }, 'live')
  if (changed === 0 && !db.prepare('SELECT 1 FROM reviews WHERE id = ?').get(id)) throw notFound('review', id)
  return summaryOf(db, id, 'trash')
}

/** Brings a review back from the trash as it was. */
export function restoreReview(db: Db, id: string): ReviewSummary {
  const changed = updateReview(db, id, { deleted_at: null }, 'trashed')
  if (changed === 0 && !db.prepare('SELECT 1 FROM reviews WHERE id = ?').get(id)) throw notFound('review', id)
  return summaryOf(db, id, 'live')
}

/**
 * Deletes one trashed review for good, with its history and reader responses (screenings stay,
 * unlinked). Only a review already in the trash can go, so nothing live is one click from loss.
 */
export function deleteReviewForever(db: Db, id: string): { id: string } {
  const row = db.prepare('SELECT deleted_at FROM reviews WHERE id = ?').get(id) as
    | { deleted_at: string | null }
    | undefined
  if (!row) throw notFound('review', id)
  if (row.deleted_at === null) {
    throw new JournalFailure('CONFLICT', 'Move the review to the trash before deleting it for good.')
  }
  deleteReviews(db, { id })
  return { id }
}

/** Deletes every trashed review for good; answers how many went. */
export function emptyTrash(db: Db): { deleted: number } {
  return { deleted: deleteReviews(db, 'trashed') }
}
