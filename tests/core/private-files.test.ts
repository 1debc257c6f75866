import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { openJournal, DB_FILE_NAME } from '../../src/main/core/db/connection'
import { MIGRATIONS } from '../../src/main/core/db/migrations'
import { backupJournal } from '../../src/main/core/backup/backups'
import { tempDir } from '../support/journal'

/** Permission bits of a path, as `ls -l` shows them. */
const mode = (path: string) => (statSync(path).mode & 0o777).toString(8)

// A journal holds unpublished writing: other accounts on the machine must not read it. Windows
// has no POSIX permission bits (its user folders are private by their ACLs), so this is POSIX-only.
describe.skipIf(process.platform === 'win32')('the journal is private to its owner', () => {
  it('creates the data folder 0700 and the journal, its WAL and shared memory 0600', async () => {
    const dataDir = join(tempDir(), 'nested', 'journal')
    const db = await openJournal(dataDir)
    try {
      db.prepare('CREATE TABLE IF NOT EXISTS probe (x)').run()
      expect(mode(dataDir)).toBe('700')
      expect(mode(join(dataDir, '..'))).toBe('700')
      for (const name of [DB_FILE_NAME, `${DB_FILE_NAME}-wal`, `${DB_FILE_NAME}-shm`])
        expect(mode(join(dataDir, name)), name).toBe('600')
    } finally {
      db.close()
    }
  })

  it('writes backups 0600 in a backups folder 0700', async () => {
    const dataDir = tempDir()
    const db = await openJournal(dataDir)
    try {
      const info = await backupJournal(db, dataDir, 'manual')
      expect(mode(join(dataDir, 'backups'))).toBe('700')
      expect(mode(join(dataDir, 'backups', info.name))).toBe('600')
    } finally {
      db.close()
    }
  })

  it('writes the copy taken before a schema upgrade 0600', async () => {
    const dataDir = tempDir()
    const old = new Database(join(dataDir, DB_FILE_NAME))
    old.exec(MIGRATIONS[0].sql)
    old.exec(
      'CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)'
    )
    old
      .prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)')
      .run(MIGRATIONS[0].id, MIGRATIONS[0].name, 'then')
    old.close()
    const db = await openJournal(dataDir)
    db.close()
    const copies = readdirSync(join(dataDir, 'backups'))
    expect(copies).toEqual([expect.stringMatching(/^before-migration-/)])
    expect(mode(join(dataDir, 'backups'))).toBe('700')
    expect(mode(join(dataDir, 'backups', copies[0]))).toBe('600')
  })
})
