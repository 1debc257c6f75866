import type { Db } from '../db/connection'
import type { ReaderResponse, ResponseStatus } from '../../../shared/domain'
import { JournalFailure, notFound } from '../context'
import { newId, now } from '../ids'
import { getResponse } from './responses'
import {
  insertResponse,
  updateResponse as updateResponseRow,
  type ResponseColumn,
  type ResponseColumns
} from '../stores/responses'

export interface NewResponse {
  reviewId: string
  parentId: string | null
  isOwnReply: boolean
  /** Filed as new (unread); otherwise read. The critic's own replies are never new. */
  unread?: boolean
  authorName: string
  authorEmail?: string | null
  authorUrl?: string | null
  receivedAt?: string
  body: string
}

/** Shown beside the form when a reader's response meets a review closed to responses. */
export const CLOSED_MESSAGE = 'Comments are closed on this review. Reopen them to add a reader’s response.'

/**
 * Adds a response (the caller's transaction). A reader's response typed in by the critic is
 * `read` unless asked to be filed `new`; the critic's own reply is `read` and marks the response
 * it answers `replied`. A review closed to responses
 * takes only the critic's own replies and notes.
 */
export function addResponse(db: Db, input: NewResponse): ReaderResponse {
  const review = db
    .prepare('SELECT responses_closed, deleted_at FROM reviews WHERE id = ?')
    .get(input.reviewId) as { responses_closed: number; deleted_at: string | null } | undefined
  if (!review) throw notFound('review', input.reviewId)
  if (review.deleted_at) {
    throw new JournalFailure('CONFLICT', 'This review is in the trash. Restore it before adding responses.')
  }
  if (review.responses_closed === 1 && !input.isOwnReply) {
    throw new JournalFailure('CONFLICT', CLOSED_MESSAGE, { responsesClosed: CLOSED_MESSAGE })
  }
  if (input.parentId !== null) assertParentInReview(db, input.parentId, input.reviewId)
  const id = newId()
  const at = now()
  insertResponse(db, {
    id,
    review_id: input.reviewId,
    parent_id: input.parentId,
    author_name: input.authorName,
    author_email: input.authorEmail,
    author_url: input.authorUrl,
    body: input.body,
    received_at: input.receivedAt ?? at,
    status: input.unread && !input.isOwnReply ? 'new' : 'read',
    is_own_reply: input.isOwnReply,
    created_at: at,
    updated_at: at
  })
  if (input.parentId !== null && input.isOwnReply) refreshRepliedStatus(db, input.parentId)
  return getResponse(db, id)
}

export interface ResponseChanges {
  id: string
  parentId?: string | null
  authorName?: string
  authorEmail?: string | null
  authorUrl?: string | null
  receivedAt?: string
  body?: string
}

/** Edits what changed of one response (the caller's transaction); a move may not make a loop. */
export function updateResponse(db: Db, changes: ResponseChanges): ReaderResponse {
  const current = getResponse(db, changes.id)
  const columns: ResponseColumns = {}
  const set = (column: ResponseColumn, value: string | null) => {
    columns[column] = value
  }
  if (changes.parentId !== undefined && changes.parentId !== current.parentId) {
    if (changes.parentId !== null) {
      assertParentInReview(db, changes.parentId, current.reviewId)
      assertNoCycle(db, changes.id, changes.parentId)
    }
    set('parent_id', changes.parentId)
  }
  if (changes.authorName !== undefined) set('author_name', changes.authorName)
  if (changes.authorEmail !== undefined) set('author_email', changes.authorEmail)
  if (changes.authorUrl !== undefined) set('author_url', changes.authorUrl)
  if (changes.receivedAt !== undefined) set('received_at', changes.receivedAt)
  if (changes.body !== undefined) set('body', changes.body)
  if (Object.keys(columns).length === 0) return current
  set('updated_at', now())
  updateResponseRow(db, changes.id, columns)
  if (current.isOwnReply && changes.parentId !== undefined) {
    if (current.parentId) refreshRepliedStatus(db, current.parentId)
    if (changes.parentId) refreshRepliedStatus(db, changes.parentId)
  }
  return getResponse(db, changes.id)
}

export function assertParentInReview(db: Db, parentId: string, reviewId: string): void {
  const parent = db.prepare('SELECT review_id FROM responses WHERE id = ?').get(parentId) as
    | { review_id: string }
    | undefined
  if (!parent) {
    throw new JournalFailure('INVALID_INPUT', 'The response this replies to does not exist.', {
      parentId: 'That response does not exist'
    })
  }
  if (parent.review_id !== reviewId) {
    const message = 'A reply must answer a response on the same review.'
    throw new JournalFailure('INVALID_INPUT', message, { parentId: message })
  }
}

/** Refuses to put a response under itself or under one of its own replies. */
export function assertNoCycle(db: Db, id: string, parentId: string): void {
  // UNION (not UNION ALL) stops the walk even on a loop an old archive might already hold.
  const loop = db
    .prepare(
      `WITH RECURSIVE up(id, parent_id) AS (
         SELECT id, parent_id FROM responses WHERE id = ?
         UNION SELECT r.id, r.parent_id FROM responses r JOIN up ON r.id = up.parent_id
       ) SELECT 1 FROM up WHERE id = ? LIMIT 1`
    )
    .get(parentId, id)
  if (loop) {
    const message = 'A response cannot reply to itself or to one of its own replies.'
    throw new JournalFailure('INVALID_INPUT', message, { parentId: message })
  }
}

const ANSWERABLE: ResponseStatus[] = ['new', 'read', 'replied']

/**
 * Keeps `replied` true to the thread: a new, read or replied response becomes `replied` when
 * the critic has answered it, and falls back to `read` when that answer is gone. Hidden and
 * spam responses keep their status.
 */
export function refreshRepliedStatus(db: Db, id: string): void {
  const row = db
    .prepare(
      `SELECT status, EXISTS (SELECT 1 FROM responses c WHERE c.parent_id = r.id AND c.is_own_reply = 1) AS answered
       FROM responses r WHERE id = ?`
    )
    .get(id) as { status: ResponseStatus; answered: number } | undefined
  if (!row || !ANSWERABLE.includes(row.status)) return
  const next: ResponseStatus = row.answered ? 'replied' : row.status === 'replied' ? 'read' : row.status
  if (next !== row.status) {
    updateResponseRow(db, id, { status: next, updated_at: now() })
  }
}
