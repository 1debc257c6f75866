import Database from 'better-sqlite3'
import { join } from 'node:path'
import { DB_FILE_NAME } from '../../src/main/core/db/connection'
import { MIGRATIONS } from '../../src/main/core/db/migrations'

/**
 * Journals as earlier versions of the app left them: the schema as it stood after one migration,
 * written with plain SQL (today's stores write today's columns). The data is in upgrade-seed.support.ts.
 */

/** Every schema a user's journal can be at but the newest: the journal upgraded from each. */
export function earlierVersions(): number[] {
  return MIGRATIONS.slice(0, -1).map((m) => m.id)
}

/** A journal file in `dataDir` with the migrations up to and including `version` applied. */
export function journalAtVersion(dataDir: string, version: number): Database.Database {
  const db = new Database(join(dataDir, DB_FILE_NAME))
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.exec(
    'CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)'
  )
  for (const migration of MIGRATIONS.filter((m) => m.id <= version)) {
    db.exec(migration.sql)
    db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(
      migration.id,
      migration.name,
      '2024-01-01T00:00:00.000Z'
    )
  }
  return db
}

/** The tables of a journal that hold its data: not SQLite's, not the migration record, not the full-text indexes. */
export function dataTables(db: Database.Database): string[] {
  const rows = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    .all() as { name: string; sql: string }[]
  return rows
    .filter(
      (t) =>
        t.name !== 'schema_migrations' &&
        !/^CREATE VIRTUAL TABLE/i.test(t.sql) &&
        !/_fts_(data|idx|docsize|config|content)$/.test(t.name)
    )
    .map((t) => t.name)
}

/** Whether `table` has `column` at this version. */
export function hasColumn(db: Database.Database, table: string, column: string): boolean {
  return (
    (db.prepare(`SELECT 1 FROM pragma_table_info(?) WHERE name = ?`).get(table, column) as unknown) !==
    undefined
  )
}

/** Inserts one row, column names from its keys. */
export function insert(db: Database.Database, table: string, row: Record<string, unknown>): void {
  const columns = Object.keys(row)
  db.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`
  ).run(row)
}
