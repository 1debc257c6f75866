import { afterEach } from 'vitest'
import { startSyncServer, type RunningSyncServer, type SyncServerOptions } from '../../src/hosts/sync-server'
import { syncWithServer } from '../../src/main/core/sync'
import { tempDir, type TestJournal } from '../support/journal'

const running: RunningSyncServer[] = []
afterEach(stopTestServers)

/** Stops every server the test started (before what they depend on, such as a Redis, goes). */
export async function stopTestServers(): Promise<void> {
  while (running.length) await running.pop()!.stop()
}

export const TOKEN = 'journal-token-one'

/** A real sync server on loopback, on a free port, stopped after the test. */
export async function startTestServer(options: Partial<SyncServerOptions> = {}) {
  const dataDir = options.dataDir ?? tempDir('rj-sync-server-')
  const server = await startSyncServer({ port: 0, host: '127.0.0.1', dataDir, tokens: [TOKEN], ...options })
  running.push(server)
  return { ...server, dataDir, url: `ws://127.0.0.1:${server.port}` }
}

export const syncThrough = (journal: TestJournal, url: string, token = TOKEN) =>
  syncWithServer(journal.db, { url, token, timeoutMs: 10_000 })

/** Waits until `check` holds, or `ms` have passed; answers whether it holds. */
export async function until(check: () => boolean, ms = 5_000): Promise<boolean> {
  const end = Date.now() + ms
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20))
  return check()
}

/** The journal's review titles, in order. */
export const titles = (journal: TestJournal) =>
  journal.db.prepare('SELECT title FROM reviews ORDER BY title').pluck().all() as string[]
