import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openTestJournal } from '../support/journal'
import { backupJournal, listBackups, parseBackupName, pruneBackups } from '../../src/main/core/backup/backups'
import { backupIfDue, dailyBackupDue } from '../../src/main/core/backup/daily'

function reviewTitles(file: string): string[] {
  const db = new Database(file, { readonly: true })
  try {
    return (db.prepare('SELECT title FROM reviews ORDER BY title').all() as { title: string }[]).map(
      (r) => r.title
    )
  } finally {
    db.close()
  }
}

describe('rolling backups', () => {
  it('copies the open journal into one self-contained file named after why it was taken', async () => {
    const journal = await openTestJournal()
    await journal.call('reviews.create', { title: 'Stalker' })
    const info = await backupJournal(journal.db, journal.dataDir, 'manual')
    expect(info.reason).toBe('manual')
    expect(info.bytes).toBeGreaterThan(0)
    const file = join(journal.dataDir, 'backups', info.name)
    expect(reviewTitles(file)).toEqual(['Stalker'])
    // No -wal beside it: the copy stands alone and can be moved or mailed.
    expect(readdirSync(join(journal.dataDir, 'backups'))).toEqual([info.name])
    const copy = new Database(file, { readonly: true })
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
    copy.close()
  })

  it('lists backups newest first and keeps only the last N (a setting)', async () => {
    const journal = await openTestJournal()
    await journal.call('settings.update', { backupsToKeep: 3 })
    const taken = []
    for (let day = 1; day <= 5; day++) {
      taken.push(
        await backupJournal(journal.db, journal.dataDir, 'daily', new Date(Date.UTC(2026, 0, day, 9)))
      )
    }
    const { backups, keep } = await journal.call('backup.list')
    expect(keep).toBe(3)
    expect(backups.map((b) => b.name)).toEqual(
      taken
        .slice(2)
        .reverse()
        .map((b) => b.name)
    )
    expect(backups[0].createdAt).toBe('2026-01-05T09:00:00.000Z')
  })

  it('gives two backups taken in the same millisecond different names', async () => {
    const journal = await openTestJournal()
    const at = new Date(Date.UTC(2026, 1, 2, 3, 4, 5, 6))
    const a = await backupJournal(journal.db, journal.dataDir, 'manual', at)
    const b = await backupJournal(journal.db, journal.dataDir, 'manual', at)
    expect(a.name).not.toBe(b.name)
    expect(listBackups(journal.dataDir)).toHaveLength(2)
  })

  it('reads only its own file names, and lists the backups taken before a migration too', () => {
    expect(parseBackupName('before-migration-2026-03-01T10-20-30-400Z.sqlite')).toEqual({
      name: 'before-migration-2026-03-01T10-20-30-400Z.sqlite',
      reason: 'before-migration',
      createdAt: '2026-03-01T10:20:30.400Z'
    })
    for (const name of [
      'journal.sqlite',
      '../daily-2026-03-01T10-20-30-400Z.sqlite',
      'daily-2026-13-45T10-20-30-400Z.sqlite',
      'evil-2026-03-01T10-20-30-400Z.sqlite'
    ]) {
      expect(parseBackupName(name)).toBeNull()
    }
  })

  it('prunes nothing when fewer than N exist, and never the backup just taken', async () => {
    const journal = await openTestJournal()
    const only = await backupJournal(journal.db, journal.dataDir, 'manual')
    expect(pruneBackups(journal.dataDir, 5)).toEqual([])
    expect(pruneBackups(journal.dataDir, 1, only.name)).toEqual([])
    expect(existsSync(join(journal.dataDir, 'backups', only.name))).toBe(true)
  })

  it('takes one daily backup a day while the app runs, and none when switched off', async () => {
    const journal = await openTestJournal()
    const morning = new Date(Date.UTC(2026, 4, 1, 8))
    expect(await backupIfDue(journal.db, journal.dataDir, morning)).not.toBeNull()
    expect(await backupIfDue(journal.db, journal.dataDir, new Date(Date.UTC(2026, 4, 1, 20)))).toBeNull()
    expect(dailyBackupDue(journal.db, journal.dataDir, new Date(Date.UTC(2026, 4, 2, 8)))).toBe(true)
    await journal.call('settings.update', { dailyBackups: false })
    expect(await backupIfDue(journal.db, journal.dataDir, new Date(Date.UTC(2026, 4, 3, 8)))).toBeNull()
    expect(listBackups(journal.dataDir)).toHaveLength(1)
  })

  it('creates a manual backup through its channel', async () => {
    const journal = await openTestJournal()
    const info = await journal.call('backup.create')
    expect(info.reason).toBe('manual')
    expect((await journal.call('backup.list')).backups.map((b) => b.name)).toEqual([info.name])
  })

  it('does not list stray files or half-written copies', async () => {
    const journal = await openTestJournal()
    await journal.call('backup.create')
    writeFileSync(join(journal.dataDir, 'backups', '.partial-manual-2026-01-01T00-00-00-000Z.sqlite'), 'x')
    writeFileSync(join(journal.dataDir, 'backups', 'notes.txt'), 'x')
    expect((await journal.call('backup.list')).backups).toHaveLength(1)
  })
})
