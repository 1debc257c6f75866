import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import * as Y from 'yjs'

/**
 * The server's own SQLite file (`DIR/sync-server.sqlite`): each document's compacted state, and
 * the updates received since. An update is appended the moment the server's copy of a document
 * changes, before the server acknowledges it to the client, so an acknowledged update is on disk
 * even if the process dies before Hocuspocus's debounced store. `compact` (that store, once a
 * document's updates pile up) folds them into the state. WAL and a busy timeout let several server instances on one
 * machine share the folder; every write is one short transaction.
 */
export interface ServerStore {
  /** The document's state with every update since, or null for a document never written. */
  fetch(name: string): Uint8Array | null
  append(name: string, update: Uint8Array): void
  /** How many updates were appended since the document was last compacted. */
  pending(name: string): number
  /** Folds `state` and the appended updates into one stored state. */
  compact(name: string, state: Uint8Array): void
  close(): void
}

export const SERVER_DB_FILE = 'sync-server.sqlite'

/**
 * `shared`: other instances (through Redis) write the same documents into this folder, so a
 * compaction merges what is stored with what this instance holds. An instance alone holds in
 * memory everything stored for an open document (it was fetched at load, and every later update
 * was appended from memory), so its state replaces what is stored as it is.
 */
export function openServerStore(dataDir: string, shared: boolean): ServerStore {
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(join(dataDir, SERVER_DB_FILE))
  db.pragma('journal_mode = WAL')
  db.pragma('busy_timeout = 10000')
  db.pragma('synchronous = NORMAL')
  db.exec(`
    CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, state BLOB NOT NULL) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS updates (seq INTEGER PRIMARY KEY, name TEXT NOT NULL, data BLOB NOT NULL);
    CREATE INDEX IF NOT EXISTS updates_name ON updates (name, seq);
  `)
  const stateOf = db.prepare('SELECT state FROM documents WHERE name = ?').pluck()
  const updatesOf = db.prepare('SELECT seq, data FROM updates WHERE name = ? ORDER BY seq')
  const insertUpdate = db.prepare('INSERT INTO updates (name, data) VALUES (?, ?)')
  const saveState = db.prepare(
    'INSERT INTO documents (name, state) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET state = excluded.state'
  )
  const dropUpdates = db.prepare('DELETE FROM updates WHERE name = ? AND seq <= ?')

  const read = (name: string) => {
    const state = stateOf.get(name) as Buffer | undefined
    const rows = updatesOf.all(name) as { seq: number; data: Buffer }[]
    return { parts: [...(state ? [state] : []), ...rows.map((row) => row.data)], rows }
  }

  const countUpdates = db.prepare('SELECT count(*) FROM updates WHERE name = ?').pluck()
  const lastUpdate = db.prepare('SELECT max(seq) FROM updates WHERE name = ?').pluck()
  const compactNow = db.transaction((name: string, state: Uint8Array) => {
    if (!shared) {
      saveState.run(name, state)
      dropUpdates.run(name, (lastUpdate.get(name) as number | null) ?? 0)
      return
    }
    const { parts, rows } = read(name)
    // Another instance may have appended what this one never saw: merge, never overwrite.
    const doc = new Y.Doc({ guid: name, gc: true })
    for (const part of [...parts, state]) Y.applyUpdate(doc, part)
    saveState.run(name, Y.encodeStateAsUpdate(doc))
    doc.destroy()
    if (rows.length) dropUpdates.run(name, rows[rows.length - 1].seq)
  })
  // IMMEDIATE: the read and the write belong together against other instances' writes.
  const compactImmediately = (name: string, state: Uint8Array) => compactNow.immediate(name, state)

  return {
    fetch(name) {
      const { parts } = read(name)
      if (!parts.length) return null
      return parts.length === 1 ? parts[0] : Y.mergeUpdates(parts)
    },
    append(name, update) {
      insertUpdate.run(name, update)
    },
    pending(name) {
      return countUpdates.get(name) as number
    },
    compact: compactImmediately,
    close() {
      db.close()
    }
  }
}
