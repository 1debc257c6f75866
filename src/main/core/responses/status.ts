import type { Db } from '../db/connection'
import type { ResponseStatus } from '../../../shared/domain'
import type { BulkResult } from '../../../shared/contract/responses'
import { notFound } from '../context'
import { now } from '../ids'
import { markResponsesRead, setResponseStatusRow, updateResponse } from '../stores/responses'

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
  const at = now()
  const changed = before.filter((row) => row.status !== status)
  for (const row of changed) setResponseStatusRow(db, row.id, status, at)
  return { changed }
}

/** Stars or unstars many responses at once (the caller's transaction). */
export function setResponseStarred(db: Db, ids: string[], starred: boolean): BulkResult {
  const before = currentState(db, ids)
  const at = now()
  const changed = before.filter((row) => row.starred !== starred)
  for (const row of changed) updateResponse(db, row.id, { starred: starred ? 1 : 0, updated_at: at })
  return { changed }
}

const NEW_IN_LIVE_REVIEWS = `status = 'new' AND review_id IN (SELECT id FROM reviews WHERE deleted_at IS NULL)`

/** Marks every new response read (those the critic answered become replied); returns their ids for undo. */
export function markAllRead(db: Db): { ids: string[] } {
  const ids = db.prepare(`SELECT id FROM responses WHERE ${NEW_IN_LIVE_REVIEWS}`).pluck().all() as string[]
  markResponsesRead(db, NEW_IN_LIVE_REVIEWS, now())
  return { ids }
}
