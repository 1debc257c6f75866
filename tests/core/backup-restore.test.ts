import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openTestJournal } from '../support/journal'
import { backupJournal } from '../../src/main/core/backup/backups'

describe('restoring a backup', () => {
  it('puts the journal back as it was, keeping a copy of what it replaced', async () => {
    const journal = await openTestJournal()
    const kept = await journal.call('reviews.create', { title: 'Before' })
    const backup = await journal.call('backup.create')
    await journal.call('reviews.save', { id: kept.id, title: 'After' })
    await journal.call('reviews.create', { title: 'Written later' })

    const result = await journal.call('backup.restore', { name: backup.name })
    expect(result.restored.name).toBe(backup.name)
    expect(result.safetyCopy?.reason).toBe('before-restore')
    expect((await journal.call('reviews.list', {})).map((r) => r.title)).toEqual(['Before'])
    expect(journal.events.at(-1)).toMatchObject({ event: 'data.changed' })

    // The journal stays writable, and the safety copy undoes the restore.
    await journal.call('reviews.create', { title: 'After the restore' })
    await journal.call('backup.restore', { name: result.safetyCopy!.name })
    expect((await journal.call('reviews.list', {})).map((r) => r.title).sort()).toEqual([
      'After',
      'Written later'
    ])
  })

  it('refuses names that are not backups, without touching the journal', async () => {
    const journal = await openTestJournal()
    await journal.call('reviews.create', { title: 'Safe' })
    for (const name of [
      '../journal.sqlite',
      '/etc/passwd',
      'daily-2026-01-01T00-00-00-000Z.sqlite/../../x',
      ''
    ]) {
      const answer = await journal.dispatch('backup.restore', { name })
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
    const missing = await journal.dispatch('backup.restore', {
      name: 'daily-2026-01-01T00-00-00-000Z.sqlite'
    })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await journal.call('reviews.list', {})).map((r) => r.title)).toEqual(['Safe'])
  })

  it('refuses a damaged backup and one from a newer version, leaving the journal unchanged', async () => {
    const journal = await openTestJournal()
    await journal.call('reviews.create', { title: 'Untouched' })
    const backup = await backupJournal(journal.db, journal.dataDir, 'manual')
    writeFileSync(join(journal.dataDir, 'backups', backup.name), 'not a database at all')
    const damaged = await journal.dispatch('backup.restore', { name: backup.name })
    expect(damaged).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })

    const newer = await backupJournal(journal.db, journal.dataDir, 'manual')
    const file = new Database(join(journal.dataDir, 'backups', newer.name))
    file.prepare("INSERT INTO schema_migrations (id, name, applied_at) VALUES (999, 'future', 'x')").run()
    file.close()
    const refused = await journal.dispatch('backup.restore', { name: newer.name })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/newer version/) }
    })
    expect((await journal.call('reviews.list', {})).map((r) => r.title)).toEqual(['Untouched'])
  })

  it('reports a healthy journal with nothing to offer', async () => {
    const journal = await openTestJournal()
    expect(await journal.call('backup.health')).toEqual({
      damaged: false,
      readOnly: false,
      problems: [],
      newestGoodBackup: null
    })
  })
})
