import type { Db } from '../db/connection'
import type { LexicalDoc } from '../../../shared/domain'
import { countWords, lexicalToPlainText } from '../../../shared/conversions/plainText'
import { now } from '../ids'
import { notFound } from '../context'
import { REVIEW_TAGS, setTags } from '../tags/tags'
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
export function saveReview(db: Db, changes: ReviewChanges): { id: string; updatedAt: string; wordCount: number } {
  const current = db.prepare('SELECT title, body, body_text, word_count FROM reviews WHERE id = ?').get(changes.id) as
    | CurrentRow
    | undefined
  if (!current) throw notFound('review', changes.id)
  const sets: string[] = []
  const values: unknown[] = []
  const next = { title: current.title, body: current.body, text: current.body_text, wordCount: current.word_count }
  if (changes.title !== undefined) {
    next.title = changes.title
    sets.push('title = ?')
    values.push(changes.title)
  }
  if (changes.body !== undefined) {
    next.body = JSON.stringify(changes.body)
    next.text = lexicalToPlainText(changes.body)
    next.wordCount = countWords(next.text)
    sets.push('body = ?', 'body_text = ?', 'word_count = ?')
    values.push(next.body, next.text, next.wordCount)
    if (hasSpoilerMark(changes.body.root)) changes = { ...changes, hasSpoilers: true }
  }
  if (changes.workId !== undefined) {
    if (changes.workId) assertWorkExists(db, changes.workId)
    sets.push('work_id = ?')
    values.push(changes.workId)
  }
  for (const [key, column] of Object.entries(DETAIL_COLUMNS)) {
    const value = changes[key as keyof typeof DETAIL_COLUMNS]
    if (value === undefined) continue
    sets.push(`${column} = ?`)
    values.push(value)
  }
  for (const [key, column] of Object.entries(FLAG_COLUMNS)) {
    const value = changes[key as keyof typeof FLAG_COLUMNS]
    if (value === undefined) continue
    sets.push(`${column} = ?`)
    values.push(value ? 1 : 0)
  }
  const updatedAt = now()
  sets.push('updated_at = ?')
  values.push(updatedAt)
  db.prepare(`UPDATE reviews SET ${sets.join(', ')} WHERE id = ?`).run(...values, changes.id)
  if (changes.tags !== undefined) setTags(db, REVIEW_TAGS, changes.id, changes.tags)
  if (next.body !== current.body || next.title !== current.title) {
    const previous = { title: current.title, body: current.body, text: current.body_text, wordCount: current.word_count }
    recordEditRevision(db, { reviewId: changes.id, ...previous }, { reviewId: changes.id, ...next }, updatedAt)
  }
  return { id: changes.id, updatedAt, wordCount: next.wordCount }
}

/** Fails with NOT_FOUND unless the film exists. */
export function assertWorkExists(db: Db, workId: string): void {
  if (!db.prepare('SELECT 1 FROM works WHERE id = ?').get(workId)) throw notFound('film', workId)
}
