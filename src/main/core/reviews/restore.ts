import type { Db } from '../db/connection'
import type { ReviewDetail } from '../../../shared/domain'
import { now } from '../ids'
import { currentSnapshot, getRevision, insertRevision } from './revisions'
import { getReview } from './reviews'
import { updateReview } from '../stores/reviews'

/**
 * Puts an old snapshot's title and text back as the review's current version. The text being
 * replaced is first kept as a snapshot of its own (unless history already holds it), and the
 * restore is itself a new revision, so a restore can always be undone from history.
 */
export function restoreRevision(db: Db, revisionId: string): ReviewDetail {
  const revision = getRevision(db, revisionId)
  const at = now()
  const current = currentSnapshot(db, revision.reviewId)
  const latest = db
    .prepare('SELECT body, title FROM review_revision_texts WHERE review_id = ? ORDER BY rid DESC LIMIT 1')
    .get(revision.reviewId) as { body: string; title: string } | undefined
  if (!latest || latest.body !== current.body || latest.title !== current.title) {
    insertRevision(db, current, 'edit', null, at)
  }
  const body = JSON.stringify(revision.body)
  updateReview(db, revision.reviewId, {
    title: revision.title,
    body,
    body_text: revision.text,
    word_count: revision.wordCount,
    updated_at: at
  })
  const label = revision.label
    ? `Restored ${revision.label}`
    : `Restored the version of ${revision.createdAt.slice(0, 10)} (${revision.wordCount} words)`
  insertRevision(
    db,
    {
      reviewId: revision.reviewId,
      title: revision.title,
      body,
      text: revision.text,
      wordCount: revision.wordCount
    },
    'restore',
    label,
    at
  )
  return getReview(db, revision.reviewId)
}
