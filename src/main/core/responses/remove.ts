import type { Db } from '../db/connection'
import type { ReaderResponse, ResponseStatus } from '../../../shared/domain'
import type { DeleteResult } from '../../../shared/contract/responses'
import { JournalFailure, notFound } from '../context'
import { now } from '../ids'
import { getResponse } from './responses'
import { assertNoCycle, assertParentInReview, refreshRepliedStatus } from './write'

/**
 * Deletes responses (the caller's transaction) and returns them whole for undo. Replies to a
 * deleted response are not lost: they move up to its nearest surviving ancestor, and the move is
 * returned too so that undo can put them back.
 */
export function deleteResponses(db: Db, ids: string[]): DeleteResult {
  const removed = [...new Set(ids)].map((id) => getResponse(db, id))
  const gone = new Set(removed.map((r) => r.id))
  const parentOf = new Map(removed.map((r) => [r.id, r.parentId]))
  const survivingAncestor = (parentId: string | null): string | null => {
    let at = parentId
    while (at !== null && gone.has(at)) at = parentOf.get(at) ?? null
    return at
  }
  const children = db.prepare('SELECT id FROM responses WHERE parent_id = ?').pluck()
  const move = db.prepare('UPDATE responses SET parent_id = ?, updated_at = ? WHERE id = ?')
  const reparented: DeleteResult['reparented'] = []
  const at = now()
  for (const r of removed) {
    for (const child of children.all(r.id) as string[]) {
      if (gone.has(child)) continue
      move.run(survivingAncestor(r.id), at, child)
      reparented.push({ id: child, parentId: r.id })
    }
  }
  const remove = db.prepare('DELETE FROM responses WHERE id = ?')
  for (const r of removed) remove.run(r.id)
  for (const r of removed) {
    const parent = survivingAncestor(r.parentId)
    if (r.isOwnReply && parent) refreshRepliedStatus(db, parent)
  }
  return { removed, reparented }
}

export interface RestoredResponse extends Omit<ReaderResponse, 'updatedAt' | 'authorEmail' | 'authorUrl'> {
  authorEmail?: string | null
  authorUrl?: string | null
  status: ResponseStatus
}

/** Puts deleted responses back as they were, replies included (the caller's transaction). */
export function restoreResponses(db: Db, responses: RestoredResponse[], reparented: DeleteResult['reparented']): { restored: number } {
  // A restored reply may come before its restored parent; check references at commit instead.
  db.pragma('defer_foreign_keys = ON')
  const insert = db.prepare(
    `INSERT INTO responses (id, review_id, parent_id, author_name, author_email, author_url, body, received_at,
       status, is_own_reply, starred, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const exists = db.prepare('SELECT 1 FROM responses WHERE id = ?')
  const reviewExists = db.prepare('SELECT 1 FROM reviews WHERE id = ?')
  const at = now()
  for (const r of responses) {
    if (exists.get(r.id)) throw new JournalFailure('CONFLICT', 'That response is already back in the journal.')
    if (!reviewExists.get(r.reviewId)) throw notFound('review', r.reviewId)
    insert.run(r.id, r.reviewId, r.parentId, r.authorName, r.authorEmail ?? null, r.authorUrl ?? null, r.body, r.receivedAt,
      r.status, r.isOwnReply ? 1 : 0, r.starred ? 1 : 0, r.createdAt, at)
  }
  const move = db.prepare('UPDATE responses SET parent_id = ?, updated_at = ? WHERE id = ?')
  for (const m of reparented) move.run(m.parentId, at, m.id)
  const broken = db.prepare('PRAGMA foreign_key_check(responses)').all()
  if (broken.length) throw new JournalFailure('CONFLICT', 'Those responses answer ones that no longer exist; nothing was restored.')
  for (const r of responses) {
    if (r.parentId === null) continue
    assertParentInReview(db, r.parentId, r.reviewId)
    assertNoCycle(db, r.id, r.parentId)
    if (r.isOwnReply) refreshRepliedStatus(db, r.parentId)
  }
  return { restored: responses.length }
}
