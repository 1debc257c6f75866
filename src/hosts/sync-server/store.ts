import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import * as Y from 'yjs'

/**
 * The server's own SQLite file (`DIR/sync-server.sqlite`): each document's compacted state, and
 * the updates received since. An update is appended the moment the server's copy of a document
 * changes, before the server acknowledges it to the client, so an acknowledged update is on disk
 * even if the process dies before Hocuspocus's debounced store. `compact` (that store) folds
 * the updates into the state. WAL and a busy timeout let several server instances on one
 * machine share the folder; every write is one short transaction.
 */
export interface ServerStore {
  /** The document's state with every update since, or null for a document never written. */
  fetch(name: string): Uint8Array | null
  append(name: string, update: Uint8Array): void
  /** Folds `state` and the appended updates into one stored state. */
  compact(name: string, state: Uint8Array): void
  close(): void
}

export const SERVER_DB_FILE = 'sync-server.sqlite'

export function openServerStore(dataDir: string): ServerStore {
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

  const compactNow = db.transaction((name: string, state: Uint8Array) => {
    const { parts, rows } = read(name)
    // Another instance may have appended what this one never saw: merge, never overwrite.
    const doc = new Y.Doc({ gc: true })
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
    compact: compactImmediately,
    close() {
      db.close()
    }
  }
}
