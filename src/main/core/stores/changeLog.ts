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

/**
 * Records one change in the caller's transaction. Only stores call this, beside the write it
 * describes, so that a write and its record land (or roll back) together.
 */
export function recordChange(db: Db, kind: ChangeKind, id: string, op: ChangeOp): void {
  cachedStatement(db, 'INSERT INTO change_log (kind, record_id, op) VALUES (?, ?, ?)').run(kind, id, op)
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
  return (cachedStatement(db, 'SELECT coalesce(max(seq), 0) FROM change_log').pluck().get() as number) ?? 0
}

/** Changes after `seq`, oldest first, at most `limit` of them (sync reads the stream with this). */
export function changesSince(db: Db, seq: number, limit = 10_000): Change[] {
  return cachedStatement(
    db,
    'SELECT seq, kind, record_id AS id, op FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?'
  ).all(seq, limit) as Change[]
}

/**
 * The kinds a screen should refresh for the changes after `seq` (sorted: their order carries no
 * meaning), and the sequence they reach.
 */
export function changedKindsSince(db: Db, seq: number): { kinds: DataKind[]; last: number } {
  const rows = cachedStatement(
    db,
    'SELECT kind, max(seq) AS last FROM change_log WHERE seq > ? GROUP BY kind'
  ).all(seq) as { kind: string; last: number }[]
  const last = rows.reduce((max, row) => Math.max(max, row.last), seq)
  const kinds = rows
    .map((r) => r.kind)
    .filter((k): k is DataKind => ANNOUNCED.has(k))
    .sort()
  return { kinds, last }
}
