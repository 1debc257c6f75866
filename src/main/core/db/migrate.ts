import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { StorageUnavailableError } from './errors'
import { MIGRATIONS } from './migrations'
import { createPrivateFile, makePrivateFolder } from './privateFiles'
import type { OpeningStep } from './connection'

/**
 * Applies the numbered migrations not yet recorded, each in its own transaction. Refuses to
 * start when the applied list is not a prefix of the known list (a newer app wrote this file,
 * or migrations were edited), and takes an online backup before touching an existing file.
 */
export async function runMigrations(
  db: Database.Database,
  opts: { existed: boolean; dataDir: string; onProgress?(step: OpeningStep): void | Promise<void> }
): Promise<void> {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`)
  const applied = db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all() as {
    id: number
    name: string
  }[]
  applied.forEach((row, i) => {
    const known = MIGRATIONS[i]
    if (!known || known.id !== row.id || known.name !== row.name) {
      throw new StorageUnavailableError(
        `This journal was written by a different version of Review Journal (migration ${row.id} ${row.name} is unknown here). Update the app to open it.`
      )
    }
  })
  const pending = MIGRATIONS.slice(applied.length)
  if (pending.length === 0) return
  if (opts.existed && applied.length > 0) await backupBeforeMigration(db, opts.dataDir)
  for (const [i, migration] of pending.entries()) {
    // A new journal's migrations run on empty tables: nothing worth showing.
    if (opts.existed)
      await opts.onProgress?.({
        what: 'migrate',
        label: `Updating the journal: ${migration.name.replace(/-/g, ' ')}`,
        done: i,
        total: pending.length
      })
    db.transaction(() => {
      db.exec(migration.sql)
      db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(
        migration.id,
        migration.name,
        new Date().toISOString()
      )
    })()
  }
}

async function backupBeforeMigration(db: Database.Database, dataDir: string): Promise<void> {
  const dir = join(dataDir, 'backups')
  makePrivateFolder(dir)
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const file = join(dir, `before-migration-${stamp}.sqlite`)
  createPrivateFile(file)
  await db.backup(file)
}
