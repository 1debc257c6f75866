import { diffWordsWithSpace } from 'diff'
import type { Db } from '../db/connection'
import type { LexicalDoc } from '../../../shared/domain'
import type {
  RevisionDetail,
  RevisionDiff,
  RevisionReason,
  RevisionSummary
} from '../../../shared/contract/reviews'
import { countWords } from '../../../shared/conversions/plainText'
import { newId } from '../ids'
import { notFound } from '../context'
import { insertRevision as insertRevisionRow, updateRevisionText } from '../stores/reviews'

/** Edits within this long of a snapshot's start fold into it rather than adding another. */
export const COALESCE_WINDOW_MS = 5 * 60 * 1000

/** A snapshot is the review's text at one moment. */
export interface Snapshot {
  reviewId: string
  title: string
  /** The serialized Lexical document. */
  body: string
  text: string
  wordCount: number
}

interface DbRevision {
  id: string
  review_id: string
  title: string
  word_count: number
  reason: RevisionReason
  label: string | null
  created_at: string
  body?: string
  body_text?: string
}

const SUMMARY = 'id, review_id, title, word_count, reason, label, created_at'

/** While typing, the snapshot being folded into is rewritten at most this often. */
export const FOLD_INTERVAL_MS = 20_000

/** When each review's snapshot was last rewritten by a fold, per open journal. */
const lastFoldAt = new WeakMap<Db, Map<string, number>>()

/**
 * Keeps the history while the critic types: edits fold into the latest editing snapshot for up
 * to five minutes, then a new one starts. The review row always holds the newest text, so a fold
 * (rewriting a whole snapshot) happens at most every FOLD_INTERVAL_MS; before a new snapshot
 * starts, the one it follows is brought up to the text it ended with (`previous`). A change that
 * throws away a lot at once (select-all and delete, a paste over everything) always starts a new
 * snapshot, so the text before it stays recoverable however soon it autosaved.
 */
export function recordEditRevision(db: Db, previous: Snapshot, next: Snapshot, at: string): void {
  const latest = db
    .prepare(
      'SELECT id, reason, created_at FROM review_revisions WHERE review_id = ? ORDER BY rid DESC LIMIT 1'
    )
    .get(next.reviewId) as Pick<DbRevision, 'id' | 'reason' | 'created_at'> | undefined
  const atMs = Date.parse(at)
  const folds = lastFoldAt.get(db) ?? new Map<string, number>()
  lastFoldAt.set(db, folds)
  const isEdit = latest?.reason === 'edit'
  const inWindow = isEdit && atMs - Date.parse(latest.created_at) < COALESCE_WINDOW_MS
  if (inWindow && !discardsMuch(previous.text, next.text)) {
    if (atMs - (folds.get(next.reviewId) ?? 0) < FOLD_INTERVAL_MS) return
    updateRevision(db, latest.id, next)
  } else {
    if (isEdit) updateRevision(db, latest.id, previous)
    insertRevision(db, next, 'edit', null, at)
  }
  folds.set(next.reviewId, atMs)
}

/**
 * Brings the history up to the review's text at a moment worth keeping (a pause in writing,
 * leaving the review, opening its history), as Day One and WordPress's autosave do: the
 * editing snapshot the critic is folding into is rewritten to the text as it stands, or, when
 * the newest version is not an editing one and the text has moved on, an editing one is added.
 * Between such moments saves fold at most every FOLD_INTERVAL_MS, so without this a finished
 * piece could be kept only as it was mid-sentence. Returns whether anything was written.
 */
export function checkpointRevision(db: Db, reviewId: string, at: string): boolean {
  const current = currentSnapshot(db, reviewId)
  const latest = db
    .prepare(
      'SELECT id, reason, title, body FROM review_revision_texts WHERE review_id = ? ORDER BY rid DESC LIMIT 1'
    )
    .get(reviewId) as Pick<DbRevision, 'id' | 'reason' | 'title' | 'body'> | undefined
  if (latest && latest.title === current.title && latest.body === current.body) return false
  if (latest?.reason === 'edit') updateRevision(db, latest.id, current)
  else if (latest) insertRevision(db, current, 'edit', null, at)
  else return false // Never edited here: an untouched review has no history to bring up to date.
  lastFoldAt.get(db)?.set(reviewId, Date.parse(at))
  return true
}

function updateRevision(db: Db, revisionId: string, snapshot: Snapshot): void {
  updateRevisionText(db, revisionId, {
    title: snapshot.title,
    body: snapshot.body,
    body_text: snapshot.text,
    word_count: snapshot.wordCount
  })
}

/**
 * True when going from `before` to `after` removes more than a sentence or two: over 200
 * characters, or over half of a shorter text. Measured outside the common start and end, so
 * typing in the middle of a long review never counts as removal.
 */
export function discardsMuch(before: string, after: string): boolean {
  let start = 0
  const max = Math.min(before.length, after.length)
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++
  let end = 0
  while (
    end < max - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  )
    end++
  const removed = before.length - start - end
  return removed > 200 || (removed > 40 && removed > before.length / 2)
}

/** Adds one snapshot to the review's history. */
export function insertRevision(
  db: Db,
  snapshot: Snapshot,
  reason: RevisionReason,
  label: string | null,
  at: string
): string {
  const id = newId()
  insertRevisionRow(db, {
    id,
    review_id: snapshot.reviewId,
    title: snapshot.title,
    body: snapshot.body,
    body_text: snapshot.text,
    word_count: snapshot.wordCount,
    reason,
    label,
    created_at: at
  })
  return id
}

/** The review's text as it stands, ready to snapshot. */
export function currentSnapshot(db: Db, reviewId: string): Snapshot {
  const row = db
    .prepare('SELECT title, body, body_text, word_count FROM reviews WHERE id = ?')
    .get(reviewId) as { title: string; body: string; body_text: string; word_count: number } | undefined
  if (!row) throw notFound('review', reviewId)
  return { reviewId, title: row.title, body: row.body, text: row.body_text, wordCount: row.word_count }
}

function toSummary(row: DbRevision): RevisionSummary {
  return {
    id: row.id,
    reviewId: row.review_id,
    title: row.title,
    wordCount: row.word_count,
    reason: row.reason,
    label: row.label,
    createdAt: row.created_at
  }
}

/** A review's history, newest first. */
export function listRevisions(db: Db, reviewId: string): RevisionSummary[] {
  if (!db.prepare('SELECT 1 FROM reviews WHERE id = ?').get(reviewId)) throw notFound('review', reviewId)
  const rows = db
    .prepare(`SELECT ${SUMMARY} FROM review_revisions WHERE review_id = ? ORDER BY rid DESC`)
    .all(reviewId) as DbRevision[]
  return rows.map(toSummary)
}

/** One snapshot with its document and text, for the preview. */
export function getRevision(db: Db, revisionId: string): RevisionDetail {
  const row = db
    .prepare(`SELECT ${SUMMARY}, body, body_text FROM review_revision_texts WHERE id = ?`)
    .get(revisionId) as DbRevision | undefined
  if (!row) throw notFound('revision', revisionId)
  return { ...toSummary(row), body: JSON.parse(row.body!) as LexicalDoc, text: row.body_text! }
}

/** Word-level changes from a snapshot to the review's current text. */
export function diffRevision(db: Db, revisionId: string): RevisionDiff {
  const revision = getRevision(db, revisionId)
  const current = currentSnapshot(db, revision.reviewId)
  const parts = diffWordsWithSpace(revision.text, current.text).map((c) => ({
    kind: c.added ? ('added' as const) : c.removed ? ('removed' as const) : ('same' as const),
    text: c.value
  }))
  let added = 0
  let removed = 0
  for (const part of parts) {
    if (part.kind === 'added') added += countWords(part.text)
    if (part.kind === 'removed') removed += countWords(part.text)
  }
  return { revisionId, parts, added, removed }
}
