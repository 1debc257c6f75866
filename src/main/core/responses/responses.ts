import type { Db } from '../db/connection'
import type { ReaderResponse, ResponseStatus } from '../../../shared/domain'
import { notFound } from '../context'

export interface DbResponse {
  id: string
  review_id: string
  parent_id: string | null
  author_name: string
  author_email: string | null
  author_url: string | null
  body: string
  received_at: string
  status: ResponseStatus
  is_own_reply: number
  starred: number
  created_at: string
  updated_at: string
}

export function toResponse(row: DbResponse): ReaderResponse {
  return {
    id: row.id,
    reviewId: row.review_id,
    parentId: row.parent_id,
    authorName: row.author_name,
    authorEmail: row.author_email,
    authorUrl: row.author_url,
    body: row.body,
    receivedAt: row.received_at,
    status: row.status,
    isOwnReply: row.is_own_reply === 1,
    starred: row.starred === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

/** Responses of one review in thread order of arrival, or all of them, newest first. */
export function listResponses(db: Db, reviewId?: string): ReaderResponse[] {
  const rows = (
    reviewId
      ? db.prepare('SELECT * FROM responses WHERE review_id = ? ORDER BY received_at, rid').all(reviewId)
      : db.prepare('SELECT * FROM responses ORDER BY received_at DESC, rid DESC').all()
  ) as DbResponse[]
  return rows.map(toResponse)
}

/** One response, or NOT_FOUND. */
export function getResponse(db: Db, id: string): ReaderResponse {
  const row = db.prepare('SELECT * FROM responses WHERE id = ?').get(id) as DbResponse | undefined
  if (!row) throw notFound('response', id)
  return toResponse(row)
}
