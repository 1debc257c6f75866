import { cachedStatement, type Db } from '../db/connection'
import { recordChange, recordChanges } from './changeLog'

/**
 * The one writer of `responses`: readers' responses and the critic's replies. Every write
 * records its change; responses that go with a deleted review are recorded by the review store.
 */

/** Every column of a new response; absent ones take the schema's defaults. */
export interface NewResponseRow {
  id: string
  review_id: string
  parent_id: string | null
  author_name: string
  author_email?: string | null
  author_url?: string | null
  body: string
  received_at: string
  status?: string
  is_own_reply?: boolean
  starred?: boolean
  source_key?: string | null
  created_at: string
  updated_at: string
}

export function insertResponse(db: Db, row: NewResponseRow): void {
  cachedStatement(
    db,
    `INSERT INTO responses (id, review_id, parent_id, author_name, author_email, author_url, body, received_at,
       status, is_own_reply, starred, source_key, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    row.id,
    row.review_id,
    row.parent_id,
    row.author_name,
    row.author_email ?? null,
    row.author_url ?? null,
    row.body,
    row.received_at,
    row.status ?? 'new',
    row.is_own_reply ? 1 : 0,
    row.starred ? 1 : 0,
    row.source_key ?? null,
    row.created_at,
    row.updated_at
  )
  recordChange(db, 'responses', row.id, 'insert')
}

/** The columns of `responses` a caller may set (the id, source key and creation time never change). */
export const RESPONSE_COLUMNS = [
  'review_id',
  'parent_id',
  'author_name',
  'author_email',
  'author_url',
  'body',
  'received_at',
  'status',
  'is_own_reply',
  'starred',
  'updated_at'
] as const
export type ResponseColumn = (typeof RESPONSE_COLUMNS)[number]
export type ResponseColumns = Partial<Record<ResponseColumn, string | number | null>>

/** Sets the given columns of one response; answers how many rows changed. */
export function updateResponse(db: Db, id: string, columns: ResponseColumns): number {
  // Checked at run time too: the names are spliced into the SQL.
  const names = Object.keys(columns) as ResponseColumn[]
  for (const name of names)
    if (!RESPONSE_COLUMNS.includes(name)) throw new Error(`responses has no writable column ${name}`)
  if (names.length === 0) return 0
  const changed = cachedStatement(
    db,
    `UPDATE responses SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`
  ).run(...names.map((n) => columns[n] ?? null), id).changes
  if (changed) recordChange(db, 'responses', id, 'update')
  return changed
}

/** A response the critic has answered is `replied` rather than read: the status rule of "read". */
const ANSWERED = 'EXISTS (SELECT 1 FROM responses c WHERE c.parent_id = responses.id AND c.is_own_reply = 1)'

/** Sets one response's status; `read` becomes `replied` when the critic has answered it. */
export function setResponseStatusRow(db: Db, id: string, status: string, at: string): void {
  cachedStatement(
    db,
    `UPDATE responses SET updated_at = ?, status = CASE WHEN ? = 'read' AND ${ANSWERED} THEN 'replied' ELSE ? END
     WHERE id = ?`
  ).run(at, status, status, id)
  recordChange(db, 'responses', id, 'update')
}

/** Marks read every response matching `where` (answered ones become replied); answers their ids. */
export function markResponsesRead(db: Db, where: string, at: string): string[] {
  const ids = db
    .prepare(
      `UPDATE responses SET updated_at = ?, status = CASE WHEN ${ANSWERED} THEN 'replied' ELSE 'read' END
       WHERE ${where} RETURNING id`
    )
    .pluck()
    .all(at) as string[]
  recordChanges(db, 'responses', ids, 'update')
  return ids
}

export function deleteResponse(db: Db, id: string): void {
  if (cachedStatement(db, 'DELETE FROM responses WHERE id = ?').run(id).changes)
    recordChange(db, 'responses', id, 'delete')
}
