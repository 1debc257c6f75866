import type { Db } from '../db/connection'
import type { ResponseStatus } from '../../../shared/domain'
import type { BulkResult } from '../../../shared/contract/responses'
import { notFound } from '../context'
import { now } from '../ids'

type Before = BulkResult['changed'][number]

/** Reads the current status and star of every id; one unknown id fails the whole batch. */
function currentState(db: Db, ids: string[]): Before[] {
  const get = db.prepare('SELECT id, status, starred FROM responses WHERE id = ?')
  const seen = new Set<string>()
  const rows: Before[] = []
  for (const id of ids) {
    if (seen.has(id)) continue
    seen.add(id)
    const row = get.get(id) as { id: string; status: ResponseStatus; starred: number } | undefined
    if (!row) throw notFound('response', id)
    rows.push({ id: row.id, status: row.status, starred: row.starred === 1 })
  }
  return rows
}

/**
 * Sets the status of many responses at once (the caller's transaction). Marking read a
 * response the critic has answered makes it `replied`, so "replied" stays true to the thread.
 */
export function setResponseStatus(db: Db, ids: string[], status: ResponseStatus): BulkResult {
  const before = currentState(db, ids)
  const update = db.prepare(
    `UPDATE responses SET updated_at = ?, status = CASE
       WHEN ? = 'read' AND EXISTS (SELECT 1 FROM responses c WHERE c.parent_id = responses.id AND c.is_own_reply = 1)
       THEN 'replied' ELSE ? END
     WHERE id = ?`
  )
  const at = now()
  const changed = before.filter((row) => row.status !== status)
  for (const row of changed) update.run(at, status, status, row.id)
  return { changed }
}

/** Stars or unstars many responses at once (the caller's transaction). */
export function setResponseStarred(db: Db, ids: string[], starred: boolean): BulkResult {
  const before = currentState(db, ids)
  const update = db.prepare('UPDATE responses SET starred = ?, updated_at = ? WHERE id = ?')
  const at = now()
  const changed = before.filter((row) => row.starred !== starred)
  for (const row of changed) update.run(starred ? 1 : 0, at, row.id)
  return { changed }
}

const NEW_IN_LIVE_REVIEWS = `status = 'new' AND review_id IN (SELECT id FROM reviews WHERE deleted_at IS NULL)`

/** Marks every new response read (those the critic answered become replied); returns their ids for undo. */
export function markAllRead(db: Db): { ids: string[] } {
  const ids = (db.prepare(`SELECT id FROM responses WHERE ${NEW_IN_LIVE_REVIEWS}`).pluck().all() as string[])
  db.prepare(
    `UPDATE responses SET updated_at = ?, status = CASE
       WHEN EXISTS (SELECT 1 FROM responses c WHERE c.parent_id = responses.id AND c.is_own_reply = 1)
       THEN 'replied' ELSE 'read' END
     WHERE ${NEW_IN_LIVE_REVIEWS}`
  ).run(now())
  return { ids }
}
