import { cachedStatement, type Db } from '../db/connection'
import { lastChange } from '../stores/changeLog'
import { KINDS, SYNCED_KINDS } from './records'
import { journalOfToken } from './serverNames'
import type { SyncTarget } from './sessionConfig'

/**
 * What waits to go out, read from the sync tables alone (no Yjs, no Lexical: the sidebar asks
 * for it on every change, and a command-line `list` must not load the engine).
 */

/** How far the change log has been captured into the sync state; null before the first round. */
export function capturedSeq(db: Db): number | null {
  const value = cachedStatement(db, "SELECT value FROM sync_meta WHERE key = 'captured_seq'")
    .pluck()
    .get() as string | undefined
  return value === undefined ? null : Number(value)
}

/**
 * Records whose changes are prepared but not sent yet (a round stopped half-way): for a folder,
 * outbox rows in no update file; for a server, rows past what it acknowledged (serverIndex.ts).
 */
export function unsentCount(db: Db, target: SyncTarget | null): number {
  if (target?.kind !== 'server')
    return cachedStatement(db, 'SELECT count(DISTINCT doc) FROM sync_outbox WHERE file IS NULL')
      .pluck()
      .get() as number
  const device = readMetaText(db, 'device') ?? ''
  const progress = readMetaText(db, `server:${device}:${journalOfToken(target.token)}@${target.url}`)
  const { sent = 0, sentRows = 0 } = progress
    ? (JSON.parse(progress) as { sent?: number; sentRows?: number })
    : {}
  // As serverIndex.ts reads it: a folder's compaction renumbered rows below `sent`, so all go again.
  const rowsUpTo = cachedStatement(db, 'SELECT count(*) FROM sync_outbox WHERE seq <= ?').pluck().get(sent)
  const from = rowsUpTo === sentRows ? sent : 0
  return cachedStatement(db, 'SELECT count(DISTINCT doc) FROM sync_outbox WHERE seq > ?')
    .pluck()
    .get(from) as number
}

function readMetaText(db: Db, key: string): string | undefined {
  return cachedStatement(db, 'SELECT value FROM sync_meta WHERE key = ?').pluck().get(key) as
    | string
    | undefined
}

/** Settings that describe one machine (the window's place) are never synced, so never pending. */
const LOCAL_SETTINGS = KINDS.settings.skipIds ?? []
const KIND_LIST = SYNCED_KINDS.map((kind) => `'${kind}'`).join(', ')
const SKIPPED_LIST = LOCAL_SETTINGS.map((id) => `'${id.replace(/'/g, "''")}'`).join(', ') || "''"

/**
 * Records changed here since the last capture: what the next round will take in. Before the
 * first round that is every record of the journal.
 */
export function uncapturedCount(db: Db): number {
  const since = capturedSeq(db)
  if (since === null) {
    let total = 0
    for (const kind of SYNCED_KINDS) {
      const { table, idColumn } = KINDS[kind]
      const skip = kind === 'settings' ? ` WHERE ${idColumn} NOT IN (${SKIPPED_LIST})` : ''
      total += cachedStatement(db, `SELECT count(*) FROM ${table}${skip}`).pluck().get() as number
    }
    return total
  }
  if (lastChange(db) <= since) return 0
  return cachedStatement(
    db,
    `SELECT count(*) FROM (SELECT DISTINCT kind, record_id FROM change_log
       WHERE seq > ? AND kind IN (${KIND_LIST})
         AND NOT (kind = 'settings' AND record_id IN (${SKIPPED_LIST})))`
  )
    .pluck()
    .get(since) as number
}

export function pendingCounts(db: Db, target: SyncTarget | null): { unsent: number; uncaptured: number } {
  return { unsent: unsentCount(db, target), uncaptured: uncapturedCount(db) }
}
