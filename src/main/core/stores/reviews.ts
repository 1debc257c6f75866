import { cachedStatement, type Db } from '../db/connection'
import type { LexicalDoc } from '../../../shared/domain'
import { recordChange, recordChanges } from './changeLog'
import { reviewText, type ReviewText } from './reviewText'

export { reviewText, type ReviewText }

/**
 * The one writer of the review aggregate: `reviews` and `review_revisions` (tags through
 * ./tags). It derives the searchable text and word count from the document, so no caller can
 * store a body whose text disagrees with it, and records every change in the change log.
 */

/** Every column of a new review; absent ones take the schema's defaults. */
export interface NewReviewRow {
  id: string
  body: LexicalDoc
  work_id?: string | null
  title?: string
  rating?: number | null
  status?: 'draft' | 'ready' | 'published'
  has_spoilers?: boolean
  responses_closed?: boolean
  outlet?: string | null
  published_url?: string | null
  published_at?: string | null
  target_words?: number | null
  slug?: string | null
  source_key?: string | null
  is_sample?: boolean
  standfirst?: string
  password?: string | null
  created_at: string
  updated_at: string
  deleted_at?: string | null
}

/** Adds a review; answers the text it derived, for a first revision of the same document. */
export function insertReview(db: Db, row: NewReviewRow): ReviewText {
  const text = reviewText(row.body)
  cachedStatement(
    db,
    `INSERT INTO reviews (id, work_id, title, body, body_text, word_count, rating, status, has_spoilers,
       responses_closed, outlet, published_url, published_at, target_words, slug, source_key, is_sample,
       standfirst, password, created_at, updated_at, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    row.id,
    row.work_id ?? null,
    row.title ?? '',
    text.body,
    text.body_text,
    text.word_count,
    row.rating ?? null,
    row.status ?? 'draft',
    row.has_spoilers ? 1 : 0,
    row.responses_closed ? 1 : 0,
    row.outlet ?? null,
    row.published_url ?? null,
    row.published_at ?? null,
    row.target_words ?? null,
    row.slug ?? null,
    row.source_key ?? null,
    row.is_sample ? 1 : 0,
    row.standfirst ?? '',
    row.password ?? null,
    row.created_at,
    row.updated_at,
    row.deleted_at ?? null
  )
  recordChange(db, 'reviews', row.id, 'insert')
  return text
}

/** The columns of `reviews` a caller may set (the id, source key and creation time never change). */
export const REVIEW_COLUMNS = [
  'work_id',
  'title',
  'body',
  'body_text',
  'word_count',
  'rating',
  'status',
  'has_spoilers',
  'responses_closed',
  'outlet',
  'published_url',
  'published_at',
  'target_words',
  'slug',
  'is_sample',
  'standfirst',
  'password',
  'updated_at',
  'deleted_at'
] as const
export type ReviewColumn = (typeof REVIEW_COLUMNS)[number]
export type ReviewColumns = Partial<Record<ReviewColumn, string | number | null>>

/** Conditions an update may add: only a review still live, or only one in the trash. */
const ONLY = { live: 'deleted_at IS NULL', trashed: 'deleted_at IS NOT NULL' } as const

/**
 * Sets the given columns of one review, when it is `only` live or trashed if that is given.
 * A body comes with its text and word count (`reviewText`, or a snapshot the store derived).
 * Answers how many rows changed: 0 when the review is missing or the condition failed.
 */
export function updateReview(db: Db, id: string, columns: ReviewColumns, only?: keyof typeof ONLY): number {
  // Checked at run time too: the names are spliced into the SQL.
  const names = Object.keys(columns) as ReviewColumn[]
  for (const name of names)
    if (!REVIEW_COLUMNS.includes(name)) throw new Error(`reviews has no writable column ${name}`)
  if ('body' in columns && !('body_text' in columns && 'word_count' in columns)) {
    throw new Error('A review body is written with its text and word count')
  }
  if (names.length === 0) return 0
  if ('body' in columns) keepSharedRevisionTexts(db, id)
  const where = only ? ONLY[only] : ''
  const changed = cachedStatement(
    db,
    `UPDATE reviews SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?${where ? ` AND ${where}` : ''}`
  ).run(...names.map((n) => columns[n] ?? null), id).changes
  if (changed) recordChange(db, 'reviews', id, 'update')
  return changed
}

/** Moves every review of `fromWorkId` to `toWorkId` (a merge of films); answers how many. */
export function moveReviewsToWork(db: Db, fromWorkId: string, toWorkId: string, at: string): number {
  const ids = cachedStatement(
    db,
    'UPDATE reviews SET work_id = ?, updated_at = ? WHERE work_id = ? RETURNING id'
  )
    .pluck()
    .all(toWorkId, at, fromWorkId) as string[]
  recordChanges(db, 'reviews', ids, 'update')
  return ids.length
}

/**
 * Deletes reviews for good: one by id, every trashed one, or the sample's. Their history,
 * reader responses and tag links go with them (the schema cascades) and their screenings stay,
 * unlinked; the change log records all of it, since sync has to send those too.
 */
export function deleteReviews(db: Db, which: { id: string } | 'trashed' | 'sample'): number {
  const where =
    which === 'trashed' ? 'deleted_at IS NOT NULL' : which === 'sample' ? 'is_sample = 1' : 'id = ?'
  const args = typeof which === 'object' ? [which.id] : []
  const ids = db
    .prepare(`SELECT id FROM reviews WHERE ${where}`)
    .pluck()
    .all(...args) as string[]
  const responses = cachedStatement(db, 'SELECT id FROM responses WHERE review_id = ?').pluck()
  const revisions = cachedStatement(db, 'SELECT id FROM review_revisions WHERE review_id = ?').pluck()
  const screenings = cachedStatement(db, 'SELECT id FROM screenings WHERE review_id = ?').pluck()
  const remove = cachedStatement(db, 'DELETE FROM reviews WHERE id = ?')
  for (const id of ids) {
    recordChanges(db, 'responses', responses.all(id) as string[], 'delete')
    recordChanges(db, 'revisions', revisions.all(id) as string[], 'delete')
    recordChanges(db, 'screenings', screenings.all(id) as string[], 'update')
    remove.run(id)
    recordChange(db, 'reviews', id, 'delete')
  }
  return ids.length
}

/** One snapshot of a review's text in its history. */
export interface RevisionRow {
  id: string
  review_id: string
  title: string
  body: string
  body_text: string
  word_count: number
  reason: 'edit' | 'status' | 'publish' | 'restore' | 'import'
  label: string | null
  created_at: string
}

/**
 * A snapshot's body when it is the review's text as it stands: JSON `null` (its `body` column
 * must hold JSON), read through the `review_revision_texts` view as the review's own body.
 */
const SHARED_TEXT = 'null'

/**
 * Writes one snapshot. `sharesReviewText`: it is the review's text as it stands, and keeps no
 * copy of its own until that text changes (an import's first revision: see migration 013).
 */
export function insertRevision(db: Db, row: RevisionRow, sharesReviewText = false): void {
  if (sharesReviewText) row = { ...row, body: SHARED_TEXT, body_text: '' }
  cachedStatement(
    db,
    `INSERT INTO review_revisions (id, review_id, title, body, body_text, word_count, reason, label, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    row.id,
    row.review_id,
    row.title,
    row.body,
    row.body_text,
    row.word_count,
    row.reason,
    row.label,
    row.created_at
  )
  recordChange(db, 'revisions', row.id, 'insert')
}

/**
 * Gives the snapshots that share a review's text their own copy of it, before that text
 * changes: what they show stays what it was. Not a change of theirs, so nothing is recorded.
 * The marker is written into the SQL, not bound, so the partial index of migration 013 serves it.
 */
function keepSharedRevisionTexts(db: Db, reviewId: string): void {
  cachedStatement(
    db,
    `UPDATE review_revisions SET body = r.body, body_text = r.body_text
     FROM (SELECT body, body_text FROM reviews WHERE id = ?) AS r
     WHERE review_revisions.review_id = ? AND review_revisions.body = '${SHARED_TEXT}'`
  ).run(reviewId, reviewId)
}

/** Rewrites the text of one snapshot (edits folding into the one being written). */
export function updateRevisionText(db: Db, id: string, text: { title: string } & ReviewText): void {
  cachedStatement(
    db,
    'UPDATE review_revisions SET title = ?, body = ?, body_text = ?, word_count = ? WHERE id = ?'
  ).run(text.title, text.body, text.body_text, text.word_count, id)
  recordChange(db, 'revisions', id, 'update')
}
