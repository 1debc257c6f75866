import { cachedStatement, type Db } from '../db/connection'
import type { DataKind } from '../../../shared/domain'

/** What a change-log row names: a kind a screen can refresh, or a review's history. */
export type ChangeKind = DataKind | 'revisions'
/** `reset`: a restored backup replaced every record of the kind (the row's id is '*'). */
export type ChangeOp = 'insert' | 'update' | 'delete' | 'reset'

export interface Change {
  seq: number
  kind: ChangeKind
  id: string
  op: ChangeOp
}

/** The kinds `data.changed` carries: those of the contract (history is not a screen's list). */
const ANNOUNCED = new Set<string>([
  'reviews',
  'works',
  'screenings',
  'responses',
  'tags',
  'settings'
] satisfies DataKind[])

/** Change rows held for one multi-row statement while a long run of writes buffers them. */
const BATCH_ROWS = 128

/** A connection's change rows not written yet, and how many changes it has recorded in all. */
interface Pending {
  rows: string[]
  recorded: number
  buffering: boolean
}
const pendingOf = new WeakMap<Db, Pending>()

function pending(db: Db): Pending {
  let p = pendingOf.get(db)
  if (!p) pendingOf.set(db, (p = { rows: [], recorded: 0, buffering: false }))
  return p
}

/**
 * Records one change in the caller's transaction (held for a while, in order, when the
 * connection buffers its changes). Only stores call this, beside the write it describes, so
 * that a write and its record land (or roll back) together.
 */
export function recordChange(db: Db, kind: ChangeKind, id: string, op: ChangeOp): void {
  const p = pending(db)
  p.recorded++
  if (!p.buffering) {
    cachedStatement(db, 'INSERT INTO change_log (kind, record_id, op) VALUES (?, ?, ?)').run(kind, id, op)
    return
  }
  p.rows.push(kind, id, op)
  if (p.rows.length === BATCH_ROWS * 3) writePending(db, p)
}

/** Writes the held rows, in the order they were recorded: whole batches, then the rest. */
function writePending(db: Db, p: Pending): void {
  const rows = p.rows
  if (rows.length === 0) return
  p.rows = []
  const full = rows.length - (rows.length % (BATCH_ROWS * 3))
  if (full) {
    const batch = cachedStatement(db, insertRows(BATCH_ROWS))
    for (let at = 0; at < full; at += BATCH_ROWS * 3) batch.run(rows.slice(at, at + BATCH_ROWS * 3))
  }
  // The last, part batch has a size of its own each time: prepared once, not kept.
  if (full < rows.length) db.prepare(insertRows((rows.length - full) / 3)).run(rows.slice(full))
}

const insertRows = (n: number) =>
  `INSERT INTO change_log (kind, record_id, op) VALUES ${Array(n).fill('(?, ?, ?)').join(', ')}`

/**
 * Holds this connection's change rows and writes them 128 to a statement, for a long run of
 * writes in one transaction (an import): 50,000 rows took 0.10 s of CPU instead of 0.18 s.
 * Every read of the log through this module writes what is held first. `end` writes the rest
 * and goes back to one statement a change; `discard`, for a transaction rolled back, drops
 * what is held with it.
 */
export function bufferChanges(db: Db): { end(): void; discard(): void } {
  const p = pending(db)
  p.buffering = true
  return {
    end() {
      writePending(db, p)
      p.buffering = false
    },
    discard() {
      p.rows = []
      p.buffering = false
    }
  }
}

/**
 * How many changes this connection has recorded since it opened, written or held: whether a
 * step wrote anything, without a query.
 */
export function changesRecorded(db: Db): number {
  return pending(db).recorded
}

/** Writes what is held, so that a read of the log sees every change recorded. */
function flushed(db: Db): Db {
  const p = pendingOf.get(db)
  if (p?.rows.length) writePending(db, p)
  return db
}

/** Records the same change for many records (ids from an UPDATE … RETURNING, a cascade). */
export function recordChanges(db: Db, kind: ChangeKind, ids: Iterable<string>, op: ChangeOp): void {
  for (const id of ids) recordChange(db, kind, id, op)
}

/**
 * Records that a restored backup replaced the whole journal: one `reset` per kind, numbered
 * after `previousSeq` (the stream's end before the restore) so that the stream never runs
 * backwards, whatever sequence the backup's own log had reached.
 */
export function recordRestore(db: Db, previousSeq: number, kinds: ChangeKind[]): void {
  let seq = Math.max(previousSeq, lastChange(db))
  const insert = db.prepare("INSERT INTO change_log (seq, kind, record_id, op) VALUES (?, ?, '*', 'reset')")
  db.transaction(() => {
    for (const kind of kinds) insert.run(++seq, kind)
  })()
}

/** The stream's current end (0 for a journal that never changed): cheap, fit for a cache key. */
export function lastChange(db: Db): number {
  return (
    (cachedStatement(flushed(db), 'SELECT coalesce(max(seq), 0) FROM change_log').pluck().get() as number) ??
    0
  )
}

/** The newest changes always kept: another process's screens may not have read them yet. */
const KEPT_CHANGES = 100_000
/** At most this many old changes go at one opening, so a long backlog never slows a start. */
const TRIMMED_AT_ONCE = 50_000

/**
 * Drops the oldest changes no reader needs any more: all but the newest `KEPT_CHANGES`, and
 * none after `neededAfter` (sync reads the stream from there; null when nothing does). The
 * newest row always stays, so `seq`, the rowid, goes on counting up. Answers how many went.
 */
export function trimChangeLog(db: Db, neededAfter: number | null): number {
  // Asked apart: SQLite reads a lone min() or max() off the rowid's ends, both together by a scan.
  const first = db.prepare('SELECT min(seq) FROM change_log').pluck().get() as number | null
  const last = lastChange(db)
  if (first === null) return 0
  let upTo = Math.min(last - KEPT_CHANGES, first + TRIMMED_AT_ONCE - 1)
  if (neededAfter !== null) upTo = Math.min(upTo, neededAfter)
  if (upTo < first) return 0
  return db.prepare('DELETE FROM change_log WHERE seq <= ?').run(upTo).changes
}

/** Changes after `seq`, oldest first, at most `limit` of them (sync reads the stream with this). */
export function changesSince(db: Db, seq: number, limit = 10_000): Change[] {
  return cachedStatement(
    flushed(db),
    'SELECT seq, kind, record_id AS id, op FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?'
  ).all(seq, limit) as Change[]
}

/**
 * The kinds a screen should refresh for the changes after `seq` (sorted: their order carries no
 * meaning), and the sequence they reach.
 */
export function changedKindsSince(db: Db, seq: number): { kinds: DataKind[]; last: number } {
  const rows = cachedStatement(
    flushed(db),
    'SELECT kind, max(seq) AS last FROM change_log WHERE seq > ? GROUP BY kind'
  ).all(seq) as { kind: string; last: number }[]
  const last = rows.reduce((max, row) => Math.max(max, row.last), seq)
  const kinds = rows
    .map((r) => r.kind)
    .filter((k): k is DataKind => ANNOUNCED.has(k))
    .sort()
  return { kinds, last }
}
