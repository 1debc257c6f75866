import type * as Y from 'yjs'
import { yjs } from './yjs'
import { cachedStatement, type Db } from '../db/connection'
import { readMeta, writeMeta } from './docStore'
import { parseDocName } from './records'
import { indexDocName } from './serverNames'

/**
 * The journal's index document on the server (`<journal>/index`) says which documents changed
 * without opening them: one `Y.Array` of document names per device (`device:<id>`), to which only
 * that device appends, naming what it pushed, and only once the server holds it. With one writer
 * an array only grows at its end, so a client remembers how far it has read each device's array
 * and later reads only what follows.
 */
const DEVICE = 'device:'

/**
 * The index as this process last saw it, per open journal, journal prefix and server: a later
 * round (the app syncs every few minutes) is sent only what changed since, not every name ever
 * pushed. It is only ever a copy of the server's, so a round that failed half-way leaves it
 * usable.
 */
const seenIndexes = new WeakMap<Db, Map<string, Y.Doc>>()

export function indexReplica(db: Db, journal: string, url: string): Y.Doc {
  let byServer = seenIndexes.get(db)
  if (!byServer) seenIndexes.set(db, (byServer = new Map()))
  const key = `${journal}@${url}`
  let index = byServer.get(key)
  if (!index) byServer.set(key, (index = new (yjs().Doc)({ guid: indexDocName(journal) })))
  return index
}

/** How far this journal got with one server: its own outbox sent, and each device's array read. */
export interface ServerProgress {
  /** Outbox rows up to this sequence are held by the server and named in our array. */
  sent: number
  /**
   * How many outbox rows were at or below `sent` then. Another count now means a shared
   * folder's compaction merged rows into new ones, whose numbers may fall below `sent`: all is
   * sent again.
   */
  sentRows?: number
  read: Record<string, number>
}

/**
 * Kept in `sync_meta` per device, journal and server address: a copied journal (a new device id)
 * starts again, and so does a journal pointed at another server.
 */
export function progressKey(device: string, journal: string, url: string): string {
  return `server:${device}:${journal}@${url}`
}

export function readProgress(db: Db, key: string): ServerProgress {
  const text = readMeta(db, key)
  return text ? (JSON.parse(text) as ServerProgress) : { sent: 0, read: {} }
}

export function writeProgress(db: Db, key: string, progress: ServerProgress): void {
  writeMeta(db, key, JSON.stringify(progress))
}

/** The documents other devices named since `read`, and how far each array now goes. */
export function namedSince(
  index: Y.Doc,
  self: string,
  read: Record<string, number>
): { names: Set<string>; read: Record<string, number> } {
  const names = new Set<string>()
  const now = { ...read }
  for (const key of [...index.share.keys()]) {
    if (!key.startsWith(DEVICE) || key === DEVICE + self) continue
    const device = key.slice(DEVICE.length)
    const list = index.getArray<unknown>(key)
    for (const name of list.slice(read[device] ?? 0)) {
      // Only names this version knows; a newer app's kinds stay with the devices that know them.
      if (typeof name === 'string' && parseDocName(name)) names.add(name)
    }
    now[device] = list.length
  }
  return { names, read: now }
}

/** Names the documents this device pushed, at the end of its own array. */
export function appendPushed(index: Y.Doc, self: string, names: string[]): void {
  if (names.length) index.getArray<string>(DEVICE + self).push(names)
}

/**
 * The documents with outbox rows not yet held by the server, and where the outbox ends now
 * (`sent` and `sentRows` to remember once they are).
 */
export function outboxAfter(
  db: Db,
  progress: ServerProgress
): { docs: string[]; sent: number; sentRows: number } {
  const rowsUpTo = cachedStatement(db, 'SELECT count(*) FROM sync_outbox WHERE seq <= ?').pluck()
  const intact = (rowsUpTo.get(progress.sent) as number) === (progress.sentRows ?? 0)
  const from = intact ? progress.sent : 0
  const docs = cachedStatement(db, 'SELECT DISTINCT doc FROM sync_outbox WHERE seq > ?')
    .pluck()
    .all(from) as string[]
  const last = (cachedStatement(db, 'SELECT max(seq) FROM sync_outbox').pluck().get() as number | null) ?? 0
  const sent = Math.max(last, from)
  return { docs, sent, sentRows: rowsUpTo.get(sent) as number }
}
