import type * as Y from 'yjs'
import { loadYjs, yjs } from './yjs'
import { cachedStatement, type Db } from '../db/connection'
import { inTransaction } from '../stores/write'
import { applyUpdates, type Arrived } from './apply'
import { captureChanges, markCaptured, type KindCounts } from './capture'
import { deviceId, storedDoc } from './docStore'
import { emptyReport, type SyncReport } from './folderSync'
import { parseDocName } from './records'
import { connectToServer, type ServerConnection } from './serverConnection'
import {
  appendPushed,
  indexReplica,
  namedSince,
  outboxAfter,
  progressKey,
  readProgress,
  writeProgress
} from './serverIndex'
import { indexDocName, journalOfToken, serverDocName } from './serverNames'

export interface ServerSyncOptions {
  /** `ws://HOST:PORT` (or `wss://`). */
  url: string
  /** The journal's token, as the server was given it. */
  token: string
  /** How long to wait for any one answer from the server; 30 s unless told. */
  timeoutMs?: number
}

const DEFAULT_TIMEOUT_MS = 30_000
/** Documents exchanged at once over the one websocket. */
const IN_FLIGHT = 64
/** The origin of a document's stored state, so only what the server added counts as received. */
const STORED = Symbol('stored state')

/**
 * One round through a Hocuspocus server. First the token is proved good on the journal's index
 * document; then, with no connection open (long synchronous work would starve one, and the
 * server would drop it), this journal's changes are captured. Connected again: read the index
 * for what other devices pushed since last time; exchange (Yjs's sync protocol: each side sends
 * what the other lacks) only those documents and the ones this device's outbox holds, a bounded
 * number at a time; name what was pushed in this device's array of the index once the server
 * has acknowledged it, and remember it as sent. Disconnected, in one transaction: capture again,
 * apply what arrived, and remember how far the index was read. A round killed anywhere leaves
 * the journal as before or as after, and the next round repeats what was not finished (repeated
 * updates merge to nothing). In the report, `files` counts documents: `read` those that brought
 * something, `written` those pushed.
 */
export async function syncWithServer(db: Db, options: ServerSyncOptions): Promise<SyncReport> {
  await loadYjs()
  const device = deviceId(db)
  const journal = journalOfToken(options.token)
  const key = progressKey(device, journal, options.url)
  const progress = readProgress(db, key)
  const connect = {
    url: options.url,
    token: options.token,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  }
  const index = indexReplica(db, journal, options.url)
  const report = emptyReport(device)
  const proof = await connectToServer(connect, indexDocName(journal), index)
  proof.first.close()
  proof.connection.close()

  inTransaction(db, () => (report.captured = captureChanges(db)))
  const outbox = outboxAfter(db, progress)

  // The index holds the server's state from the first connection: only what changed since
  // comes again.
  const { connection, first: openIndex } = await connectToServer(connect, indexDocName(journal), index)
  let named: ReturnType<typeof namedSince>
  let arrivals: number
  const arrived = arrivedTable(db)
  try {
    named = namedSince(index, device, progress.read)
    const names = [...new Set([...outbox.docs, ...named.names])]
    arrivals = await exchangeDocs(db, connection, journal, names, arrived.keep)
    if (outbox.docs.length) {
      appendPushed(index, device, outbox.docs)
      await openIndex.acknowledged()
    }
  } finally {
    openIndex.close()
    connection.close()
  }
  inTransaction(db, () =>
    writeProgress(db, key, { sent: outbox.sent, sentRows: outbox.sentRows, read: progress.read })
  )
  for (const doc of outbox.docs) {
    const kind = parseDocName(doc)?.kind
    if (kind) report.sent[kind] = (report.sent[kind] ?? 0) + 1
  }
  report.files.written = outbox.docs.length
  report.files.read = arrivals

  inTransaction(db, () => {
    // Edits made while the documents travelled: taken in before apply writes over their rows.
    addCounts(report.captured, captureChanges(db))
    const applied = applyUpdates(db, arrived)
    report.received = applied.merged
    report.applied = applied.applied
    markCaptured(db)
    writeProgress(db, key, { sent: outbox.sent, sentRows: outbox.sentRows, read: named.read })
  })
  arrived.clear()
  return report
}

/** Arrivals written to the temporary table at once: one statement each cost three times as much. */
const KEPT_AT_ONCE = 256

/**
 * What the server added to each document, kept in a temporary table of this connection until the
 * round applies it, rather than in memory: a first sync brings the whole journal. Emptied at the
 * start of a round (a failed round's leftovers come again) and once applied. Arrivals are held
 * `KEPT_AT_ONCE` at a time and written together, before anything reads the table.
 */
function arrivedTable(db: Db): Arrived & { keep(name: string, update: Uint8Array): void; clear(): void } {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS sync_arrived (doc TEXT PRIMARY KEY, data BLOB NOT NULL)')
  let held: [string, Buffer][] = []
  const write = db.transaction((rows: [string, Buffer][]) => {
    const insert = cachedStatement(db, 'INSERT OR REPLACE INTO temp.sync_arrived (doc, data) VALUES (?, ?)')
    for (const [name, data] of rows) insert.run(name, data)
  })
  const flush = () => {
    if (held.length) write(held)
    held = []
  }
  const clear = () => {
    held = []
    db.exec('DELETE FROM temp.sync_arrived')
  }
  clear()
  return {
    get names() {
      flush()
      return db.prepare('SELECT doc FROM temp.sync_arrived').pluck().all() as string[]
    },
    updatesOf: (name) => {
      flush()
      const data = cachedStatement(db, 'SELECT data FROM temp.sync_arrived WHERE doc = ?').pluck().get(name)
      return data ? [data as Buffer] : []
    },
    keep: (name, update) => {
      held.push([name, Buffer.from(update.buffer, update.byteOffset, update.byteLength)])
      if (held.length >= KEPT_AT_ONCE) flush()
    },
    clear
  }
}

/**
 * Exchanges each named document with the server, `IN_FLIGHT` at a time; for those the server
 * added something to, keeps what it added (relative to the stored state). Answers how many.
 */
async function exchangeDocs(
  db: Db,
  connection: ServerConnection,
  journal: string,
  names: string[],
  keep: (name: string, update: Uint8Array) => void
): Promise<number> {
  let arrivals = 0
  let next = 0
  let stopped = false
  const worker = async () => {
    while (!stopped && next < names.length) {
      const name = names[next++]
      try {
        const update = await exchangeDoc(db, connection, serverDocName(journal, name), name)
        if (update) {
          keep(name, update)
          arrivals++
        }
      } catch (err) {
        stopped = true
        throw err
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, names.length) }, worker))
  return arrivals
}

async function exchangeDoc(
  db: Db,
  connection: ServerConnection,
  serverName: string,
  name: string
): Promise<Uint8Array | null> {
  const Yjs = yjs()
  const stored = storedDoc(db, name)
  const doc: Y.Doc = new Yjs.Doc({ guid: serverName, gc: true })
  if (stored) Yjs.applyUpdate(doc, stored.state, STORED)
  let gained = false
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin !== STORED) gained = true
  })
  try {
    const open = await connection.syncDoc(serverName, doc)
    open.close()
    if (!gained) return null
    return stored
      ? Yjs.encodeStateAsUpdate(doc, Yjs.encodeStateVectorFromUpdate(stored.state))
      : Yjs.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}

function addCounts(into: KindCounts, more: KindCounts): void {
  for (const [kind, n] of Object.entries(more) as [keyof KindCounts, number][])
    into[kind] = (into[kind] ?? 0) + n
}
