import { createHash } from 'node:crypto'
import type { Db } from '../db/connection'
import type { LexicalDoc } from '../../../shared/domain'
import { now } from '../ids'
import { notFound } from '../context'
import { REVIEW_TAGS, setTags } from '../tags/tags'
import { reviewText, updateReview, type ReviewColumns } from '../stores/reviews'
import { insertRevision, recordEditRevision } from './revisions'

/** Names the text another writer left when a save based on older text replaced it. */
export const KEPT_OTHER_LABEL = 'The version from another computer, kept when this one was saved over it'

export interface ReviewChanges {
  id: string
  title?: string
  body?: LexicalDoc
  workId?: string | null
  rating?: number | null
  tags?: string[]
  hasSpoilers?: boolean
  responsesClosed?: boolean
  outlet?: string | null
  publishedUrl?: string | null
  targetWords?: number | null
  standfirst?: string
  password?: string | null
  /**
   * The `bodyVersion` the editor's text was based on. When the stored text has moved on since
   * (a sync round wrote another computer's words), that text is kept in history before this
   * body replaces it. Left out (the CLI, imports), the body is written as it comes.
   */
  baseVersion?: string
}

export interface SavedReview {
  id: string
  updatedAt: string
  wordCount: number
  /** The version of the body now stored, for the next save's `baseVersion`. */
  bodyVersion: string
  /** True when another writer's text was kept in history because this save replaced it. */
  keptOther: boolean
}

/**
 * A short fingerprint of a stored body (its serialized JSON): equal text, equal version. Opaque
 * to callers; they only hand it back to say which text an edit started from.
 */
export function bodyVersion(storedBody: string): string {
  return createHash('sha256').update(storedBody).digest('base64url').slice(0, 16)
}

/** Detail fields written as they come, keyed by their column. */
const DETAIL_COLUMNS = {
  rating: 'rating',
  outlet: 'outlet',
  publishedUrl: 'published_url',
  targetWords: 'target_words',
  standfirst: 'standfirst',
  password: 'password'
} as const
const FLAG_COLUMNS = { hasSpoilers: 'has_spoilers', responsesClosed: 'responses_closed' } as const

interface CurrentRow {
  title: string
  body: string
  body_text: string
  word_count: number
}

/** True when the document holds a spoiler mark anywhere. */
function hasSpoilerMark(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false
  const { type, children } = node as { type?: unknown; children?: unknown }
  return type === 'spoiler' || (Array.isArray(children) && children.some(hasSpoilerMark))
}

/**
 * Writes what changed of one review in one transaction (the caller's). The body's plain text
 * is derived here, never trusted from input; a change of text or title also updates the
 * review's history (see `recordEditRevision`). A body with a spoiler mark sets "contains
 * spoilers" (the mark says so, whatever the box said). A body based on an older version than the
 * stored one first keeps the stored text as a revision of its own (see `keepOtherWriterText`).
 * Returns the new `updatedAt`, word count and body version.
 */
export function saveReview(db: Db, changes: ReviewChanges): SavedReview {
  const current = db
    .prepare('SELECT title, body, body_text, word_count FROM reviews WHERE id = ?')
    .get(changes.id) as CurrentRow | undefined
  if (!current) throw notFound('review', changes.id)
  const columns: ReviewColumns = {}
  const next = {
    title: current.title,
    body: current.body,
    text: current.body_text,
    wordCount: current.word_count
  }
  if (changes.title !== undefined) {
    next.title = changes.title
    columns.title = changes.title
  }
  if (changes.body !== undefined) {
    const text = reviewText(changes.body)
    Object.assign(next, { body: text.body, text: text.body_text, wordCount: text.word_count })
    Object.assign(columns, text)
    if (hasSpoilerMark(changes.body.root)) changes = { ...changes, hasSpoilers: true }
  }
  if (changes.workId !== undefined) {
    if (changes.workId) assertWorkExists(db, changes.workId)
    columns.work_id = changes.workId
  }
  for (const [key, column] of Object.entries(DETAIL_COLUMNS)) {
    const value = changes[key as keyof typeof DETAIL_COLUMNS]
    if (value !== undefined) columns[column] = value
  }
  for (const [key, column] of Object.entries(FLAG_COLUMNS)) {
    const value = changes[key as keyof typeof FLAG_COLUMNS]
    if (value !== undefined) columns[column] = value ? 1 : 0
  }
  const updatedAt = now()
  columns.updated_at = updatedAt
  const keptOther = keepOtherWriterText(db, changes, current, next.body, updatedAt)
  updateReview(db, changes.id, columns)
  if (changes.tags !== undefined) setTags(db, REVIEW_TAGS, changes.id, changes.tags)
  if (next.body !== current.body || next.title !== current.title) {
    const previous = {
      title: current.title,
      body: current.body,
      text: current.body_text,
      wordCount: current.word_count
    }
    recordEditRevision(
      db,
      { reviewId: changes.id, ...previous },
      { reviewId: changes.id, ...next },
      updatedAt
    )
  }
  return {
    id: changes.id,
    updatedAt,
    wordCount: next.wordCount,
    bodyVersion: bodyVersion(next.body),
    keptOther
  }
}

/**
 * A body saved over text the editor never saw (another computer's words, landed by a sync round
 * after the editor loaded) would erase it, and sync would then send that erasure everywhere. So
 * the stored text is kept as a revision first. Its reason is not 'edit': the next edit would fold
 * into an editing snapshot and overwrite it. Returns whether it kept one.
 */
function keepOtherWriterText(
  db: Db,
  changes: ReviewChanges,
  current: CurrentRow,
  nextBody: string,
  at: string
): boolean {
  if (changes.baseVersion === undefined || changes.body === undefined) return false
  if (nextBody === current.body || bodyVersion(current.body) === changes.baseVersion) return false
  const other = {
    reviewId: changes.id,
    title: current.title,
    body: current.body,
    text: current.body_text,
    wordCount: current.word_count
  }
  insertRevision(db, other, 'import', KEPT_OTHER_LABEL, at)
  return true
}

/** Fails with NOT_FOUND unless the film exists. */
export function assertWorkExists(db: Db, workId: string): void {
  if (!db.prepare('SELECT 1 FROM works WHERE id = ?').get(workId)) throw notFound('film', workId)
}
