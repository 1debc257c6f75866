import { describe, expect, it } from 'vitest'
import { openTestJournal, type TestJournal } from '../support/journal'
import { syncSession } from '../../src/main/core/sync/session'
import { startTestServer, TOKEN } from './sync-server.support'
import { paragraphs } from './sync.support'

/** The app's session on timers that never fire by themselves in a test's time: only a push can start a round. */
function sessionWaitingForPushes(journal: TestJournal) {
  return syncSession(
    {
      db: journal.db,
      dataDir: journal.dataDir,
      version: 'test',
      host: {},
      emit: (event, payload) => journal.events.push({ event, payload }),
      dispatch: journal.dispatch
    },
    { pollMs: 50, quietMs: 600_000, intervalMs: 600_000, startDelayMs: 600_000 }
  )
}

async function writeReview(journal: TestJournal, title: string, text: string) {
  const review = await journal.call('reviews.create', { title })
  await journal.call('reviews.save', { id: review.id, body: paragraphs(text) })
}

describe('sync status through a server', () => {
  it('says a wrong token plainly, applies nothing, and syncs once the token is right', async () => {
    const server = await startTestServer()
    const journal = await openTestJournal()
    await writeReview(journal, 'Stalker', 'The room grants wishes.')
    const wrong = await journal.call('sync.configure', {
      target: { kind: 'server', url: server.url, token: 'not-the-token' },
      automatic: false
    })
    expect(wrong.target).toEqual({ kind: 'server', url: server.url })
    expect(JSON.stringify(wrong)).not.toContain('not-the-token')
    const failed = await journal.call('sync.now')
    expect(failed.lastError?.code).toBe('WRONG_TOKEN')
    expect(failed.lastSync).toBeNull()

    await journal.call('sync.configure', { target: { kind: 'server', url: server.url, token: TOKEN } })
    const good = await journal.call('sync.now')
    expect(good.lastError).toBeNull()
    expect(good.lastSync?.report.sent).toMatchObject({ reviews: 1 })
    expect(good.pending).toEqual({ unsent: 0, uncaptured: 0 })
  })

  it('an unreachable server is an error in the status, not a crash', async () => {
    const journal = await openTestJournal()
    await journal.call('sync.configure', {
      target: { kind: 'server', url: 'ws://127.0.0.1:9', token: TOKEN },
      automatic: false
    })
    const failed = await journal.call('sync.now')
    expect(failed.lastError?.code).toBe('SERVER_UNREACHABLE')
    expect(failed.running).toBe(false)
  })

  it('brings in what another computer pushed as soon as the server announces it', async () => {
    const server = await startTestServer()
    const a = await openTestJournal()
    await a.call('sync.configure', {
      target: { kind: 'server', url: server.url, token: TOKEN },
      automatic: false
    })
    await a.call('sync.now')

    const b = await openTestJournal()
    sessionWaitingForPushes(b)
    await b.call('sync.configure', { target: { kind: 'server', url: server.url, token: TOKEN } })
    // Give b's watch time to connect before a pushes.
    await new Promise((r) => setTimeout(r, 1_000))
    await writeReview(a, 'Mirror', 'A house in the wind.')
    await a.call('sync.now')
    // Watched without calling b's channels: the round and its announcement come by themselves.
    await expect
      .poll(
        () =>
          b.events.some((e) => e.event === 'data.changed' && JSON.stringify(e.payload).includes('reviews')),
        { timeout: 15_000 }
      )
      .toBe(true)
    expect((await b.call('reviews.list', {})).map((r) => r.title)).toEqual(['Mirror'])
  })
})
