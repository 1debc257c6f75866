import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { chmodSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openJournal, DB_FILE_NAME } from '../../src/main/core/db/connection'
import { StorageUnavailableError } from '../../src/main/core/db/errors'
import { MIGRATIONS } from '../../src/main/core/db/migrations'
import { tempDir } from '../support/journal'

describe('opening the journal', () => {
  it('creates the file with WAL, foreign keys, a busy timeout and FULL sync', async () => {
    const db = await openJournal(tempDir())
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    const applied = db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all()
    expect(applied).toEqual(MIGRATIONS.map(({ id, name }) => ({ id, name })))
    db.close()
  })

  it('has every table of the domain, and a full-text index per kind', async () => {
    const db = await openJournal(tempDir())
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((t) => t.name)
    for (const table of [
      'works',
      'reviews',
      'review_revisions',
      'screenings',
      'responses',
      'tags',
      'review_tags',
      'screening_tags',
      'settings',
      'reviews_fts',
      'responses_fts',
      'screenings_fts',
      'works_fts'
    ]) {
      expect(tables).toContain(table)
    }
    db.close()
  })

  it('refuses a journal whose applied migrations are not a prefix of the known ones', async () => {
    const dir = tempDir()
    const db = await openJournal(dir)
    db.prepare(
      "INSERT INTO schema_migrations (id, name, applied_at) VALUES (999, 'from-the-future', 'x')"
    ).run()
    db.close()
    await expect(openJournal(dir)).rejects.toThrow(/different version of Review Journal/)
  })

  it('backs the file up before running a pending migration on an existing journal', async () => {
    const dir = tempDir()
    const db = await openJournal(dir)
    db.prepare("INSERT INTO works (id, title, created_at, updated_at) VALUES ('w1', 'Her', 'x', 'x')").run()
    db.close()
    // Simulate an older file: forget the last migration was applied, then let a new one run.
    MIGRATIONS.push({
      id: MIGRATIONS[MIGRATIONS.length - 1].id + 1,
      name: 'test-extra',
      sql: 'CREATE TABLE extra_test (x INTEGER)'
    })
    try {
      const reopened = await openJournal(dir)
      reopened.close()
    } finally {
      MIGRATIONS.pop()
    }
    const backups = readdirSync(join(dir, 'backups'))
    expect(backups).toHaveLength(1)
    const copy = new Database(join(dir, 'backups', backups[0]), { readonly: true })
    expect(copy.prepare('SELECT title FROM works').get()).toEqual({ title: 'Her' })
    copy.close()
  })

  it('rolls a failing migration back whole and records nothing', async () => {
    const dir = tempDir()
    ;(await openJournal(dir)).close()
    MIGRATIONS.push({
      id: MIGRATIONS[MIGRATIONS.length - 1].id + 1,
      name: 'broken',
      sql: 'CREATE TABLE half (x); THIS IS NOT SQL'
    })
    try {
      await expect(openJournal(dir)).rejects.toThrow(StorageUnavailableError)
    } finally {
      MIGRATIONS.pop()
    }
    const db = await openJournal(dir)
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined()
    db.close()
  })

  it('gives one clear message for a file that is not SQLite', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, DB_FILE_NAME), 'this is a grocery list, not a database '.repeat(100))
    await expect(openJournal(dir)).rejects.toThrow(/is not a Review Journal database/)
  })

  it.skipIf(process.getuid?.() === 0)('gives one clear message for a folder it cannot write', async () => {
    // Skipped as root (CI runs as root), where permissions do not stop writes.
    const dir = tempDir()
    chmodSync(dir, 0o500)
    await expect(openJournal(join(dir, 'inner'))).rejects.toThrow(/cannot be written to/)
  })

  it('gives one clear message when the data folder path is a file', async () => {
    const dir = tempDir()
    const file = join(dir, 'not-a-folder')
    writeFileSync(file, 'x')
    await expect(openJournal(file)).rejects.toThrow(/cannot be written to/)
  })
})
