import type { Db } from '../db/connection'
import type { ReaderResponse, ResponseStatus } from '../../../shared/domain'
import type { DeleteResult } from '../../../shared/contract/responses'
import { JournalFailure, notFound } from '../context'
import { now } from '../ids'
import { getResponse } from './responses'
import { deleteResponse, insertResponse, updateResponse } from '../stores/responses'
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
  const reparented: DeleteResult['reparented'] = []
  const at = now()
  for (const r of removed) {
    for (const child of children.all(r.id) as string[]) {
      if (gone.has(child)) continue
      updateResponse(db, child, { parent_id: survivingAncestor(r.id), updated_at: at })
      reparented.push({ id: child, parentId: r.id })
    }
  }
  for (const r of removed) deleteResponse(db, r.id)
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
export function restoreResponses(
  db: Db,
  responses: RestoredResponse[],
  reparented: DeleteResult['reparented']
): { restored: number } {
  // A restored reply may come before its restored parent; check references at commit instead.
  db.pragma('defer_foreign_keys = ON')
  const exists = db.prepare('SELECT 1 FROM responses WHERE id = ?')
  const reviewExists = db.prepare('SELECT 1 FROM reviews WHERE id = ?')
  const at = now()
  for (const r of responses) {
    if (exists.get(r.id))
      throw new JournalFailure('CONFLICT', 'That response is already back in the journal.')
    if (!reviewExists.get(r.reviewId)) throw notFound('review', r.reviewId)
    insertResponse(db, {
      id: r.id,
      review_id: r.reviewId,
      parent_id: r.parentId,
      author_name: r.authorName,
      author_email: r.authorEmail,
      author_url: r.authorUrl,
      body: r.body,
      received_at: r.receivedAt,
      status: r.status,
      is_own_reply: r.isOwnReply,
      starred: r.starred,
      created_at: r.createdAt,
      updated_at: at
    })
  }
  for (const m of reparented) updateResponse(db, m.id, { parent_id: m.parentId, updated_at: at })
  const broken = db.prepare('PRAGMA foreign_key_check(responses)').all()
  if (broken.length)
    throw new JournalFailure(
      'CONFLICT',
      'Those responses answer ones that no longer exist; nothing was restored.'
    )
  for (const r of responses) {
    if (r.parentId === null) continue
    assertParentInReview(db, r.parentId, r.reviewId)
    assertNoCycle(db, r.id, r.parentId)
    if (r.isOwnReply) refreshRepliedStatus(db, r.parentId)
  }
  return { restored: responses.length }
}
