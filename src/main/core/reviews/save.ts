import type { Db } from '../db/connection'
import type { LexicalDoc } from '../../../shared/domain'
import { now } from '../ids'
import { notFound } from '../context'
import { REVIEW_TAGS, setTags } from '../tags/tags'
import { reviewText, updateReview, type ReviewColumns } from '../stores/reviews'
import { recordEditRevision } from './revisions'

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
 * spoilers" (the mark says so, whatever the box said). Returns the new `updatedAt` and word count.
 */
export function saveReview(
  db: Db,
  changes: ReviewChanges
): { id: string; updatedAt: string; wordCount: number } {
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
  return { id: changes.id, updatedAt, wordCount: next.wordCount }
}

/** Fails with NOT_FOUND unless the film exists. */
export function assertWorkExists(db: Db, workId: string): void {
  if (!db.prepare('SELECT 1 FROM works WHERE id = ?').get(workId)) throw notFound('film', workId)
}
