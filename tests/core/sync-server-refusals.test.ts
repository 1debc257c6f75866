import { describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:net'
import { journalOfToken as serverJournal } from '../../src/hosts/sync-server'
import { journalOfToken, SyncFailure, watchServer } from '../../src/main/core/sync'
import { openTestJournal, type TestJournal } from '../support/journal'
import { changeLogEnd, journalContents } from './sync.support'
import { startTestServer, syncThrough, TOKEN } from './sync-server.support'

/** Everything a refused round must leave as it was: the rows, the change log, the sync state. */
function untouched(journal: TestJournal) {
  const all = (sql: string) => journal.db.prepare(sql).all()
  return {
    contents: journalContents(journal.db),
    log: changeLogEnd(journal.db),
    docs: all('SELECT doc, hex(state) FROM sync_docs ORDER BY doc'),
    outbox: all('SELECT * FROM sync_outbox ORDER BY seq'),
    meta: all("SELECT * FROM sync_meta WHERE key NOT IN ('device', 'device_home') ORDER BY key")
  }
}

async function refusal(promise: Promise<unknown>): Promise<SyncFailure> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err
  )
  expect(error).toBeInstanceOf(SyncFailure)
  return error as SyncFailure
}

describe('a sync server that refuses or cannot be reached', () => {
  it('names documents under the journal the token opens, on the client as on the server', () => {
    expect(journalOfToken(TOKEN)).toBe(serverJournal(TOKEN))
    expect(journalOfToken(TOKEN)).toMatch(/^[0-9a-f]{16}$/)
    expect(journalOfToken('another token')).not.toBe(journalOfToken(TOKEN))
  })

  it('refuses a token it was not given, in plain words, with the journal unchanged', async () => {
    const server = await startTestServer()
    const journal = await openTestJournal()
    await journal.call('reviews.create', { title: 'Not for them' })
    const before = untouched(journal)
    const error = await refusal(syncThrough(journal, server.url, 'not-the-token'))
    expect(error.code).toBe('WRONG_TOKEN')
    expect(error.message).toBe(`The sync server at ${server.url} refused this journal's token.`)
    expect(untouched(journal)).toEqual(before)
  })

  it('keeps two journals on one server apart: each token reaches only its own', async () => {
    const server = await startTestServer({ tokens: [TOKEN, 'second-journal-token'] })
    const [a, b] = [await openTestJournal(), await openTestJournal()]
    await a.call('reviews.create', { title: 'First journal only' })
    await syncThrough(a, server.url)
    const other = await syncThrough(b, server.url, 'second-journal-token')
    expect(other.applied).toEqual({})
    expect(b.db.prepare('SELECT count(*) FROM reviews').pluck().get()).toBe(0)
  })

  it('says a server that is not running cannot be reached, with the journal unchanged', async () => {
    const server = await startTestServer()
    await server.stop()
    const journal = await openTestJournal()
    await journal.call('reviews.create', { title: 'Waiting' })
    const before = untouched(journal)
    const error = await refusal(syncThrough(journal, server.url))
    expect(error.code).toBe('SERVER_UNREACHABLE')
    expect(error.message).toMatch(
      /^The sync server at ws:\/\/127\.0\.0\.1:\d+ cannot be reached \(ECONNREFUSED\)\.$/
    )
    expect(untouched(journal)).toEqual(before)
  })

  it('refuses to watch a server that is not running or a token it was not given, at once', async () => {
    const server = await startTestServer()
    const journal = await openTestJournal()
    const wrong = await refusal(
      watchServer(journal.db, { url: server.url, token: 'not-the-token' }, () => {})
    )
    expect(wrong.code).toBe('WRONG_TOKEN')
    await server.stop()
    const started = Date.now()
    const gone = await refusal(watchServer(journal.db, { url: server.url, token: TOKEN }, () => {}))
    expect(gone.code).toBe('SERVER_UNREACHABLE')
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('says an address that is no websocket address cannot be reached', async () => {
    const journal = await openTestJournal()
    for (const url of ['http://127.0.0.1:1', 'not an address']) {
      const error = await refusal(syncThrough(journal, url))
      expect(error.code).toBe('SERVER_UNREACHABLE')
      expect(error.message).toMatch(/^The sync server at .* cannot be reached \(.+\)\.$/)
    }
  })

  it('gives up on a server that never answers', async () => {
    // Accepts the connection and says nothing, as a stuck server or a wrong service would.
    const silent: Server = createServer(() => undefined)
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const port = (silent.address() as { port: number }).port
    try {
      const journal = await openTestJournal()
      await journal.call('reviews.create', { title: 'Waiting' })
      const before = untouched(journal)
      const error = await refusal(syncWithTimeout(journal, `ws://127.0.0.1:${port}`, 500))
      expect(error.code).toBe('SERVER_TIMED_OUT')
      expect(error.message).toBe(
        `The sync server at ws://127.0.0.1:${port} did not answer within 1 s (${journalOfToken(TOKEN)}/index).`
      )
      expect(untouched(journal)).toEqual(before)
    } finally {
      silent.close()
    }
  })
})

async function syncWithTimeout(journal: TestJournal, url: string, timeoutMs: number) {
  const { syncWithServer } = await import('../../src/main/core/sync')
  return syncWithServer(journal.db, { url, token: TOKEN, timeoutMs })
}
