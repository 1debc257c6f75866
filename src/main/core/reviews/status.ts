import type { Db } from '../db/connection'
import type { ReviewStatus } from '../../../shared/domain'
import type { StatusResult } from '../../../shared/contract/reviews'
import { JournalFailure, notFound } from '../context'
import { now } from '../ids'
import { currentSnapshot, insertRevision } from './revisions'
import { getReview } from './reviews'
import { updateReview } from '../stores/reviews'

export interface StatusChange {
  id: string
  status: ReviewStatus
  outlet?: string
  publishedUrl?: string | null
  publishedOn?: string
}

const STATUS_LABELS: Record<ReviewStatus, string> = {
  draft: 'Back to draft',
  ready: 'Marked ready to publish',
  published: 'Published'
}

/** Today as YYYY-MM-DD in the machine's own time zone (the critic's calendar day). */
export function localToday(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/**
 * Moves a review to another status and keeps a snapshot of the text as it stood at that moment:
 * publishing records "the version that was published to <outlet> on <date>". Publishing needs an
 * outlet (given now or already on the review). Leaving "published" clears the date only.
 */
export function setReviewStatus(db: Db, change: StatusChange): StatusResult {
  const row = db.prepare('SELECT status, outlet, published_url FROM reviews WHERE id = ?').get(change.id) as
    | { status: ReviewStatus; outlet: string | null; published_url: string | null }
    | undefined
  if (!row) throw notFound('review', change.id)
  const at = now()
  if (change.status === 'published') {
    const outlet = change.outlet ?? row.outlet
    if (!outlet) {
      throw new JournalFailure('INVALID_INPUT', 'Name the outlet the review was published in.', {
        outlet: 'Name the outlet it was published in'
      })
    }
    const day = change.publishedOn ?? localToday()
    const url = change.publishedUrl === undefined ? row.published_url : change.publishedUrl
    updateReview(db, change.id, {
      status: 'published',
      outlet,
      published_url: url,
      published_at: day,
      updated_at: at
    })
    insertRevision(
      db,
      currentSnapshot(db, change.id),
      'publish',
      `the version that was published to ${outlet} on ${day}`,
      at
    )
  } else {
    if (row.status === change.status) return { review: getReview(db, change.id), status: row.status }
    // Leaving "published" clears the date; this branch never sets it.
    updateReview(db, change.id, { status: change.status, published_at: null, updated_at: at })
    insertRevision(db, currentSnapshot(db, change.id), 'status', STATUS_LABELS[change.status], at)
  }
  return { review: getReview(db, change.id), status: change.status }
}
