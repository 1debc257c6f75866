import { afterEach, describe, expect, it } from 'vitest'
import { closeSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { openCore, type Core } from '../../src/main/core'
import { DB_FILE_NAME } from '../../src/main/core/db/connection'
import { listBackups } from '../../src/main/core/backup/backups'
import { replaceJournalFile } from '../../src/main/core/backup/restore'
import { tempDir } from '../support/journal'

const open: Core[] = []
afterEach(() => open.splice(0).forEach((core) => core.close()))

async function start(dataDir: string): Promise<Core> {
  const core = await openCore({ dataDir, version: 'test', checkIntegrity: true })
  open.push(core)
  return core
}

async function call(core: Core, channel: string, input?: unknown) {
  return core.dispatch(channel, input)
}

/** A journal with a few pages of reviews and a good backup, then garbage written over its middle. */
async function damagedJournal(): Promise<{ dataDir: string; backupName: string }> {
  const dataDir = tempDir()
  const core = await start(dataDir)
  for (let i = 0; i < 60; i++)
    await call(core, 'reviews.create', { title: `Review ${i} ${'long title '.repeat(20)}` })
  const backup = await call(core, 'backup.create')
  if (!backup.ok) throw new Error('backup failed')
  await call(core, 'reviews.create', { title: 'Written after the backup' })
  core.close()
  open.splice(open.indexOf(core), 1)
  const file = join(dataDir, DB_FILE_NAME)
  const pages = statSync(file).size / 4096
  const fd = openSync(file, 'r+')
  for (let page = 2; page < pages; page += 3) writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, page * 4096)
  closeSync(fd)
  return { dataDir, backupName: (backup.value as { name: string }).name }
}

describe('a damaged journal', () => {
  it('opens read-only, says so, and offers the newest good backup', async () => {
    const { dataDir, backupName } = await damagedJournal()
    const core = await start(dataDir)
    const health = await call(core, 'backup.health')
    expect(health).toMatchObject({
      ok: true,
      value: { damaged: true, readOnly: true, newestGoodBackup: { name: backupName } }
    })
    expect((health as { value: { problems: string[] } }).value.problems.length).toBeGreaterThan(0)

    const write = await call(core, 'reviews.create', { title: 'Must not land' })
    expect(write.ok).toBe(false)
    // No backup of the damage is taken, by hand or on a timer.
    expect(await call(core, 'backup.create')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('restores the newest good backup in place and becomes writable again', async () => {
    const { dataDir, backupName } = await damagedJournal()
    const core = await start(dataDir)
    const restored = await call(core, 'backup.restore', { name: backupName })
    expect(restored).toMatchObject({ ok: true, value: { restored: { name: backupName }, safetyCopy: null } })
    expect(await call(core, 'backup.health')).toMatchObject({
      ok: true,
      value: { damaged: false, readOnly: false }
    })
    const list = await call(core, 'reviews.list', {})
    expect(list.ok && (list.value as unknown[]).length).toBe(60)
    expect(await call(core, 'reviews.create', { title: 'Back to work' })).toMatchObject({ ok: true })
    expect(await call(core, 'app.check')).toMatchObject({ ok: true, value: { ok: true } })
  })

  it('still opens normally when the start-up check passes', async () => {
    const dataDir = tempDir()
    await start(dataDir).then((core) => call(core, 'reviews.create', { title: 'Fine' }))
    open.splice(0).forEach((core) => core.close())
    const core = await start(dataDir)
    expect(await call(core, 'backup.health')).toMatchObject({ ok: true, value: { damaged: false } })
  })

  it('replaces a file that is not a database at all, keeping the damaged one aside', async () => {
    const { dataDir, backupName } = await damagedJournal()
    writeFileSync(join(dataDir, DB_FILE_NAME), 'garbage '.repeat(2000))
    await expect(start(dataDir)).rejects.toThrow(/damaged/)
    replaceJournalFile(dataDir, backupName)
    const core = await start(dataDir)
    const list = await call(core, 'reviews.list', {})
    expect(list.ok && (list.value as unknown[]).length).toBe(60)
    expect(listBackups(dataDir).map((b) => b.name)).toContain(backupName)
  })
})
