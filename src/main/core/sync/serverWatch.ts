import { loadYjs, yjs } from './yjs'
import type { Db } from '../db/connection'
import { deviceId } from './docStore'
import { connectToServer } from './serverConnection'
import { namedSince, progressKey, readProgress } from './serverIndex'
import { indexDocName, journalOfToken } from './serverNames'
import type { ServerSyncOptions } from './serverSync'

export interface ServerWatch {
  close(): void
}

/**
 * Stays connected to the server's index document for this journal and calls `onChange` whenever
 * another device has named documents this journal has not read yet (once at the start if there
 * are some already). It reads nothing into the journal: the app answers with `syncWithServer`,
 * after which the same names no longer count. Calls may come in bursts while others push; the
 * caller coalesces them. Reconnects by itself after a lost connection; the first connection
 * fails as a round would (a wrong token, an unreachable server).
 */
export async function watchServer(
  db: Db,
  options: ServerSyncOptions,
  onChange: () => void
): Promise<ServerWatch> {
  await loadYjs()
  const device = deviceId(db)
  const journal = journalOfToken(options.token)
  const key = progressKey(device, journal, options.url)
  const index = new (yjs().Doc)({ guid: indexDocName(journal) })
  const { connection, first } = await connectToServer(
    { url: options.url, token: options.token, timeoutMs: options.timeoutMs ?? 30_000, persistent: true },
    indexDocName(journal),
    index
  )
  const check = () => {
    if (namedSince(index, device, readProgress(db, key).read).names.size) onChange()
  }
  index.on('update', check)
  check()
  return {
    close() {
      index.off('update', check)
      first.close()
      connection.close()
      index.destroy()
    }
  }
}
