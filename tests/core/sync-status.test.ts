import { describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openTestJournal, tempDir, type TestJournal } from '../support/journal'
import { openCore } from '../../src/main/core'
import { syncSession, type SyncTimings } from '../../src/main/core/sync/session'
import type { SyncStatus } from '../../src/shared/contract/sync'
import { paragraphs } from './sync.support'

/** The session the app would get, on quick timers, announcing into the journal's event list. */
function quickSession(journal: TestJournal, timings: Partial<SyncTimings> = {}) {
  return syncSession(
    {
      db: journal.db,
      dataDir: journal.dataDir,
      version: 'test',
      host: {},
      emit: (event, payload) => journal.events.push({ event, payload }),
      dispatch: journal.dispatch
    },
    { pollMs: 20, quietMs: 150, intervalMs: 60_000, startDelayMs: 60_000, ...timings }
  )
}

const meta = (journal: TestJournal) =>
  Object.fromEntries(
    journal.db
      .prepare('SELECT key, value FROM sync_meta')
      .all()
      .map((r) => {
        const row = r as { key: string; value: string }
        return [row.key, row.value]
      })
  )

const statusEvents = (journal: TestJournal) =>
  journal.events.filter((e) => e.event === 'sync.status').map((e) => e.payload as SyncStatus)

async function writeReview(journal: TestJournal, title: string, text: string) {
  const review = await journal.call('reviews.create', { title })
  await journal.call('reviews.save', { id: review.id, body: paragraphs(text) })
  return review
}

describe('sync status and settings', () => {
  it('says nothing is set up, counts the whole journal as pending, and refuses a round', async () => {
    const journal = await openTestJournal()
    await writeReview(journal, 'Stalker', 'The room grants wishes.')
    const status = await journal.call('sync.status')
    expect(status).toMatchObject({ target: null, running: false, lastSync: null, lastError: null })
    // Never synced: every record waits, the review and the revision its save kept.
    const records = journal.db
      .prepare(
        `SELECT (SELECT count(*) FROM reviews) + (SELECT count(*) FROM review_revisions)
              + (SELECT count(*) FROM settings WHERE key <> 'window.state')`
      )
      .pluck()
      .get()
    expect(status.pending).toEqual({ unsent: 0, uncaptured: records })
    expect(records).toBeGreaterThanOrEqual(2)
    const refused = await journal.dispatch('sync.now', undefined)
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('refuses a folder that is not there, relative, or a file, and keeps nothing', async () => {
    const journal = await openTestJournal()
    const file = join(tempDir(), 'notes.txt')
    writeFileSync(file, 'x')
    for (const folder of ['relative/folder', join(tempDir(), 'missing'), file, '']) {
      const answer = await journal.dispatch('sync.configure', { target: { kind: 'folder', folder } })
      expect(answer.ok, folder).toBe(false)
      if (!answer.ok) expect(answer.error.code).toBe('INVALID_INPUT')
    }
    const badServer = await journal.dispatch('sync.configure', {
      target: { kind: 'server', url: 'http://example', token: 't' }
    })
    expect(badServer.ok).toBe(false)
    expect(meta(journal).target).toBeUndefined()
    expect((await journal.call('sync.status')).target).toBeNull()
  })

  it('syncs through the chosen folder, shows what moved, and never shows the passphrase', async () => {
    const folder = tempDir('rj-sync-folder-')
    const a = await openTestJournal()
    await writeReview(a, 'Stalker', 'The room grants wishes.')
    const configured = await a.call('sync.configure', {
      target: { kind: 'folder', folder, passphrase: 'tarkovsky zone' },
      automatic: false
    })
    expect(configured.target).toEqual({ kind: 'folder', folder, encrypted: true })
    expect(JSON.stringify(configured)).not.toContain('tarkovsky')
    const after = await a.call('sync.now')
    expect(after).toMatchObject({ running: false, lastError: null, pending: { unsent: 0, uncaptured: 0 } })
    expect(after.lastSync?.report.sent).toMatchObject({ reviews: 1 })
    // Start and end of the round were announced, running then not.
    expect(statusEvents(a).map((s) => s.running)).toEqual([false, true, false])

    await writeReview(a, 'Mirror', 'A house in the wind.')
    expect((await a.call('sync.status')).pending.uncaptured).toBeGreaterThanOrEqual(1)
    // The window's place is this computer's own: it is never pending.
    await a.call('sync.now')
    a.db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('window.state', '{}')").run()
    a.db
      .prepare("INSERT INTO change_log (kind, record_id, op) VALUES ('settings', 'window.state', 'update')")
      .run()
    expect((await a.call('sync.status')).pending).toEqual({ unsent: 0, uncaptured: 0 })
  })

  it('keeps a wrong passphrase as a plain error, applies nothing, and syncs once it is put right', async () => {
    const folder = tempDir('rj-sync-folder-')
    const a = await openTestJournal()
    await writeReview(a, 'Stalker', 'The room grants wishes.')
    await a.call('sync.configure', { target: { kind: 'folder', folder, passphrase: 'right one' } })
    await a.call('sync.now')

    const b = await openTestJournal()
    await b.call('sync.configure', { target: { kind: 'folder', folder, passphrase: 'wrong one' } })
    const failed = await b.call('sync.now')
    expect(failed.lastError).toMatchObject({ code: 'WRONG_PASSPHRASE' })
    expect(failed.lastError?.message).toMatch(/wrong passphrase/i)
    expect(failed.lastSync).toBeNull()
    expect(await b.call('reviews.list', {})).toEqual([])

    // Same folder, passphrase corrected: the error goes with the next good round.
    await b.call('sync.configure', { target: { kind: 'folder', folder, passphrase: 'right one' } })
    const fixed = await b.call('sync.now')
    expect(fixed.lastError).toBeNull()
    expect(fixed.lastSync?.report.applied).toMatchObject({ reviews: 1 })
    expect((await b.call('reviews.list', {})).map((r) => r.title)).toEqual(['Stalker'])
    // What the round wrote was announced through the dispatcher, as for any write.
    const kinds = b.events
      .filter((e) => e.event === 'data.changed')
      .flatMap((e) => (e.payload as { kinds: string[] }).kinds)
    expect(kinds).toContain('reviews')
  })

  it('keeps the passphrase for the same folder when none is given again, and forgets it all on stop', async () => {
    const folder = tempDir('rj-sync-folder-')
    const journal = await openTestJournal()
    await journal.call('sync.configure', { target: { kind: 'folder', folder, passphrase: 'kept' } })
    const again = await journal.call('sync.configure', { target: { kind: 'folder', folder } })
    expect(again.target).toMatchObject({ encrypted: true })
    await journal.call('sync.now')
    expect((await journal.call('sync.status')).lastSync).not.toBeNull()

    const stopped = await journal.call('sync.forget')
    expect(stopped).toMatchObject({ target: null, lastSync: null, lastError: null, automatic: true })
    expect(JSON.stringify(meta(journal))).not.toContain('kept')
    // The sync state itself stays, so syncing again later merges instead of starting over.
    expect(meta(journal).captured_seq).toBeDefined()
  })
})

describe('sync channels refuse bad input', () => {
  it('answers INVALID_INPUT and keeps nothing', async () => {
    const journal = await openTestJournal()
    const folder = tempDir('rj-sync-folder-')
    const refused = [
      {},
      { automatic: 'yes' },
      { target: { kind: 'folder', folder, passphrase: '' } },
      { target: { kind: 'folder', folder, extra: 1 } },
      { target: { kind: 'server', url: 'ws://127.0.0.1:1' } },
      { target: { kind: 'carrier pigeon' } }
    ]
    for (const input of refused) {
      const answer = await journal.dispatch('sync.configure', input)
      expect(answer, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
    expect(await journal.dispatch('sync.now', { folder })).toMatchObject({ ok: false })
    expect(meta(journal).target).toBeUndefined()
    expect(meta(journal).automatic).toBeUndefined()
  })

  it('a round that ends after the critic forgot its folder leaves no result behind', async () => {
    const journal = await openTestJournal()
    await writeReview(journal, 'Stalker', 'The room grants wishes.')
    await journal.call('sync.configure', { target: { kind: 'folder', folder: tempDir() }, automatic: false })
    const round = journal.call('sync.now')
    await journal.call('sync.forget')
    await round
    expect(await journal.call('sync.status')).toMatchObject({ target: null, lastSync: null, lastError: null })
  })
})

describe('automatic sync', () => {
  it('syncs a moment after saving stops, through the dispatcher, and not while saving goes on', async () => {
    const folder = tempDir('rj-sync-folder-')
    const a = await openTestJournal()
    const session = quickSession(a, { quietMs: 400 })
    await a.call('sync.configure', { target: { kind: 'folder', folder } })
    await writeReview(a, 'Stalker', 'The room grants wishes.')
    // Saving every 100 ms keeps the pause from coming.
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 100))
      await a.call('reviews.create', { title: `Note ${i}` })
    }
    expect(statusEvents(a).some((s) => s.running)).toBe(false)
    await expect
      .poll(() => a.call('sync.status').then((s) => s.lastSync !== null), { timeout: 8_000 })
      .toBe(true)
    expect((await a.call('sync.status')).pending).toEqual({ unsent: 0, uncaptured: 0 })
    session.stop()
  })

  it('brings in what another computer sent when the interval comes, and announces the rows it wrote', async () => {
    const folder = tempDir('rj-sync-folder-')
    const a = await openTestJournal()
    await writeReview(a, 'Stalker', 'The room grants wishes.')
    await a.call('sync.configure', { target: { kind: 'folder', folder }, automatic: false })
    await a.call('sync.now')

    const b = await openTestJournal()
    const session = quickSession(b, { intervalMs: 300, startDelayMs: 100 })
    await b.call('sync.configure', { target: { kind: 'folder', folder } })
    // Watched without calling a channel: a call of ours would announce what the round wrote.
    await expect
      .poll(
        () =>
          b.events.some((e) => e.event === 'data.changed' && JSON.stringify(e.payload).includes('reviews')),
        { timeout: 8_000 }
      )
      .toBe(true)
    expect((await b.call('reviews.list', {})).map((r) => r.title)).toEqual(['Stalker'])
    session.stop()
  })

  it('does not retry a failed round on every look, and stops when turned off', async () => {
    const folder = tempDir('rj-sync-folder-')
    const a = await openTestJournal()
    await a.call('sync.configure', {
      target: { kind: 'folder', folder, passphrase: 'one' },
      automatic: false
    })
    await writeReview(a, 'Stalker', 'The room grants wishes.')
    await a.call('sync.now')

    const b = await openTestJournal()
    quickSession(b, { quietMs: 50 })
    await writeReview(b, 'Mirror', 'A house in the wind.')
    await b.call('sync.configure', { target: { kind: 'folder', folder, passphrase: 'two' } })
    await expect
      .poll(() => b.call('sync.status').then((s) => s.lastError?.code), { timeout: 8_000 })
      .toBe('WRONG_PASSPHRASE')
    const rounds = () => statusEvents(b).filter((s) => s.running).length
    const before = rounds()
    await new Promise((r) => setTimeout(r, 600))
    expect(rounds()).toBe(before)

    await b.call('sync.configure', { automatic: false })
    await writeReview(b, 'Solaris', 'The ocean thinks.')
    await new Promise((r) => setTimeout(r, 400))
    expect(rounds()).toBe(before)
    expect((await b.call('sync.status')).automatic).toBe(false)
  })

  it('starts by itself when the app opens the journal, before any screen asks', async () => {
    const folder = tempDir('rj-sync-folder-')
    const a = await openTestJournal()
    await writeReview(a, 'Stalker', 'The room grants wishes.')
    await a.call('sync.configure', { target: { kind: 'folder', folder }, automatic: false })
    await a.call('sync.now')
    const dataDir = tempDir()
    const setUp = await openTestJournal(dataDir)
    await setUp.call('sync.configure', { target: { kind: 'folder', folder } })
    setUp.close()

    // As the desktop app and the browser host open it; no channel is called after.
    const events: string[] = []
    const app = await openCore({
      dataDir,
      version: 'test',
      interactive: true,
      emit: (event) => events.push(event)
    })
    try {
      const reviews = () => app.db.prepare('SELECT count(*) FROM reviews').pluck().get()
      await expect.poll(reviews, { timeout: 15_000, interval: 200 }).toBe(1)
      await expect.poll(() => events.includes('data.changed')).toBe(true)
    } finally {
      app.close()
    }
  })

  it('runs by itself after a restart, with the passphrase it kept', async () => {
    const folder = tempDir('rj-sync-folder-')
    const a = await openTestJournal()
    await writeReview(a, 'Stalker', 'The room grants wishes.')
    await a.call('sync.configure', {
      target: { kind: 'folder', folder, passphrase: 'kept' },
      automatic: false
    })
    await a.call('sync.now')

    const dataDir = tempDir()
    const first = await openTestJournal(dataDir)
    await first.call('sync.configure', { target: { kind: 'folder', folder, passphrase: 'kept' } })
    first.close()

    const reopened = await openTestJournal(dataDir)
    quickSession(reopened, { startDelayMs: 100 })
    // The passphrase's key derivation is memory-hard and slow on a loaded machine: a generous bound.
    await expect
      .poll(() => reopened.call('reviews.list', {}).then((list) => list.length), { timeout: 20_000 })
      .toBe(1)
    expect((await reopened.call('sync.status')).lastError).toBeNull()
  })
})
