import type { Db } from '../db/connection'
import type { LexicalDoc, ReviewDetail, ReviewSummary, ReviewStatus } from '../../../shared/domain'
import { EMPTY_DOC } from '../../../shared/conversions/plainText'
import { newId, now } from '../ids'
import { notFound } from '../context'
import { REVIEW_TAGS, tagsByOwner } from '../tags/tags'
import { assertWorkExists, bodyVersion } from './save'
import { insertReview } from '../stores/reviews'

export { bodyVersion, saveReview, type ReviewChanges } from './save'

interface DbReviewSummary {
  id: string
  title: string
  status: ReviewStatus
  rating: number | null
  work_id: string | null
  work_title: string | null
  work_year: number | null
  word_count: number
  response_count: number
  responses_closed: number
  is_protected: number
  created_at: string
  updated_at: string
  published_at: string | null
  deleted_at: string | null
}

interface DbReviewDetail extends DbReviewSummary {
  body: string
  body_text: string
  has_spoilers: number
  outlet: string | null
  published_url: string | null
  target_words: number | null
  standfirst: string
  password: string | null
}

const SUMMARY_COLUMNS = `r.id, r.title, r.status, r.rating, r.work_id, w.title AS work_title,
  w.year AS work_year, r.word_count, r.responses_closed, r.password IS NOT NULL AS is_protected, r.created_at, r.updated_at,
  r.published_at, r.deleted_at,
  (SELECT count(*) FROM responses x WHERE x.review_id = r.id AND x.status <> 'spam') AS response_count`

function toSummary(row: DbReviewSummary, tags: string[]): ReviewSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    rating: row.rating,
    tags,
    workId: row.work_id,
    workTitle: row.work_title,
    workYear: row.work_year,
    wordCount: row.word_count,
    responseCount: row.response_count,
    responsesClosed: row.responses_closed === 1,
    isProtected: row.is_protected === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    deletedAt: row.deleted_at
  }
}

/**
 * Live reviews (or the trash), most recently edited first; of two edited in the same
 * millisecond (an import, a script), the one created later first, so the order never flickers.
 * That is the later id (ids are time-ordered), not the later row: a synced journal adds rows in
 * another order, and two computers must list the same reviews the same way.
 */
export function listReviews(db: Db, scope: 'live' | 'trash' = 'live', limit?: number): ReviewSummary[] {
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM reviews r LEFT JOIN works w ON w.id = r.work_id
       WHERE r.deleted_at IS ${scope === 'live' ? 'NULL' : 'NOT NULL'}
       ORDER BY r.updated_at DESC, r.id DESC
       ${limit === undefined ? '' : 'LIMIT ?'}`
    )
    .all(...(limit === undefined ? [] : [limit])) as DbReviewSummary[]
  // A first page needs only its own reviews' tags, not the whole journal's.
  const tags = tagsByOwner(db, REVIEW_TAGS, limit === undefined ? undefined : rows.map((row) => row.id))
  return rows.map((row) => toSummary(row, tags.get(row.id) ?? []))
}

/** One review with its body, text and publication details (live or in the trash). */
export function getReview(db: Db, id: string): ReviewDetail {
  const row = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, r.body, r.body_text, r.has_spoilers, r.outlet, r.published_url,
         r.target_words, r.standfirst, r.password
       FROM reviews r LEFT JOIN works w ON w.id = r.work_id WHERE r.id = ?`
    )
    .get(id) as DbReviewDetail | undefined
  if (!row) throw notFound('review', id)
  const tags = tagsByOwner(db, REVIEW_TAGS, [id]).get(id) ?? []
  return {
    ...toSummary(row, tags),
    text: row.body_text,
    body: JSON.parse(row.body) as LexicalDoc,
    hasSpoilers: row.has_spoilers === 1,
    outlet: row.outlet,
    publishedUrl: row.published_url,
    targetWords: row.target_words,
    standfirst: row.standfirst,
    password: row.password
  }
}

/**
 * One review as the editor opens it: with the version of its stored body, which the editor hands
 * back with each save so that text written meanwhile by another computer is never lost.
 */
export function getReviewForEditing(db: Db, id: string): ReviewDetail & { bodyVersion: string } {
  const review = getReview(db, id)
  const { body } = db.prepare('SELECT body FROM reviews WHERE id = ?').get(id) as { body: string }
  return { ...review, bodyVersion: bodyVersion(body) }
}

export interface NewReview {
  title?: string
  workId?: string | null
  body?: LexicalDoc
  isSample?: boolean
}

/** A new draft review; its first revision is taken on the first save that changes the text. */
export function createReview(db: Db, input: NewReview): ReviewDetail {
  const id = newId()
  const at = now()
  if (input.workId) assertWorkExists(db, input.workId)
  insertReview(db, {
    id,
    work_id: input.workId ?? null,
    title: input.title ?? '',
    body: input.body ?? EMPTY_DOC,
    is_sample: input.isSample,
    created_at: at,
    updated_at: at
  })
  return getReview(db, id)
}
