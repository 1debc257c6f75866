import { createHash, randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import type * as Y from 'yjs'
import { yjs } from './yjs'
import { cachedStatement, type Db } from '../db/connection'
import { inTransaction } from '../stores/write'
import { bindBody, type BoundBody } from './bodyDoc'
import type { SyncedKind } from './records'

/**
 * The Yjs documents kept beside the journal (`sync_docs`), one per record, and this device's own
 * updates waiting to go out (`sync_outbox`). Every write here runs in the caller's transaction,
 * beside the rows it mirrors.
 */

/** The map of a record's fields inside its document; `deleted: true` is its tombstone. */
export const RECORD_MAP = 'record'

export interface StoredDoc {
  state: Buffer
  body_sha: string | null
  unapplied: number
}

export interface OpenDoc {
  name: string
  kind: SyncedKind
  doc: Y.Doc
  /** A review's body, bound to the document before its state was loaded. */
  body?: BoundBody
  stored?: StoredDoc
  /** Updates made since the stored state was loaded (each an integrated change). */
  updates: Uint8Array[]
  /** Whether those updates touched a review's body. */
  bodyChanged: boolean
  close(): void
}

export function storedDoc(db: Db, name: string): StoredDoc | undefined {
  return cachedStatement(db, 'SELECT state, body_sha, unapplied FROM sync_docs WHERE doc = ?').get(name) as
    | StoredDoc
    | undefined
}

/** Opens a record's document: its stored state, or an empty one. */
export function openDoc(db: Db, name: string, kind: SyncedKind): OpenDoc {
  const stored = storedDoc(db, name)
  // A guid of our own: Yjs would otherwise draw a random UUID per document, 31 random draws each.
  const doc = new (yjs().Doc)({ guid: name, gc: true })
  const body = kind === 'reviews' ? bindBody(doc) : undefined
  if (stored) yjs().applyUpdate(doc, stored.state, 'stored')
  const open: OpenDoc = { name, kind, doc, body, stored, updates: [], bodyChanged: false, close }
  doc.on('update', (update: Uint8Array) => open.updates.push(update))
  const root = body ? doc.get('root', yjs().XmlText) : undefined
  const noticeBody = () => {
    open.bodyChanged = true
  }
  root?.observeDeep(noticeBody)
  function close() {
    root?.unobserveDeep(noticeBody)
    body?.dispose()
    doc.destroy()
  }
  return open
}

/**
 * The client id a record's very first fields are written as: derived from them, so two journals
 * that already held the same record (a copied journal, one archive imported on both) write
 * identical Yjs items for it. Later sessions write as a random client.
 */
export function firstClientId(name: string, fields: unknown): number {
  return clientIdOf(
    createHash('sha256').update(name).update('\0').update(JSON.stringify(fields)).digest('base64')
  )
}

/** A client id from a hash: Yjs writes them as unsigned 32-bit numbers (0 left to no one). */
export function clientIdOf(hash: string): number {
  return Buffer.from(hash, 'base64').readUInt32BE(0) || 1
}

/**
 * Whether `updates` add anything to the stored document, found on a bare Yjs document (no
 * editor bound): a device's compacted file repeats what was read before, and most of it is
 * known already.
 */
export function updatesAddSomething(stored: StoredDoc, updates: Uint8Array[]): boolean {
  const doc = new (yjs().Doc)({ guid: 'probe', gc: true })
  yjs().applyUpdate(doc, stored.state)
  let changed = false
  doc.on('update', () => (changed = true))
  for (const update of updates) if (!changed) yjs().applyUpdate(doc, update)
  // Updates still waiting for what they build on change nothing yet, but must be kept.
  const waiting = doc.store.pendingStructs !== null || doc.store.pendingDs !== null
  doc.destroy()
  return changed || waiting
}

export function bodySha(body: string): string {
  return createHash('sha256').update(body).digest('base64')
}

/** Saves an open document's state, and queues what this device changed in it to be sent. */
export function saveDoc(
  db: Db,
  open: OpenDoc,
  changes: { bodySha?: string | null; unapplied?: boolean; local?: boolean; onlyUpdate?: Uint8Array }
): void {
  // A new document that took one whole update holds exactly that update: no need to encode it.
  const whole =
    !open.stored && changes.onlyUpdate && !open.doc.store.pendingStructs && !open.doc.store.pendingDs
  const state = whole ? changes.onlyUpdate! : yjs().encodeStateAsUpdate(open.doc)
  cachedStatement(
    db,
    `INSERT INTO sync_docs (doc, state, body_sha, unapplied) VALUES (?, ?, ?, ?)
     ON CONFLICT (doc) DO UPDATE SET state = excluded.state, body_sha = excluded.body_sha, unapplied = excluded.unapplied`
  ).run(
    open.name,
    state,
    changes.bodySha === undefined ? (open.stored?.body_sha ?? null) : changes.bodySha,
    (changes.unapplied ?? Boolean(open.stored?.unapplied)) ? 1 : 0
  )
  if (changes.local && open.updates.length) {
    // A new document's whole state is what this device wrote: no need to merge its updates.
    const update = !open.stored
      ? state
      : open.updates.length === 1
        ? open.updates[0]
        : yjs().mergeUpdates(open.updates)
    cachedStatement(db, 'INSERT INTO sync_outbox (doc, data) VALUES (?, ?)').run(open.name, update)
  }
}

/** One value of `sync_meta` (this device's id, the captured sequence). */
export function readMeta(db: Db, key: string): string | undefined {
  return cachedStatement(db, 'SELECT value FROM sync_meta WHERE key = ?').pluck().get(key) as
    | string
    | undefined
}

export function writeMeta(db: Db, key: string, value: string): void {
  cachedStatement(
    db,
    'INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
  ).run(key, value)
}

/**
 * This journal's device id in a shared folder: random, made at its first sync, and remade when
 * the journal file turns up on another computer or in another folder (a copied journal). Two
 * copies under one id would each take the other's files for their own and never read them; as
 * a new device, the copy sends again everything it holds, which merging makes harmless.
 */
export function deviceId(db: Db): string {
  const home = `${hostname()}:${db.name}`
  const id = readMeta(db, 'device')
  if (id && readMeta(db, 'device_home') === home) return id
  const made = randomBytes(12).toString('hex')
  inTransaction(db, () => {
    writeMeta(db, 'device', made)
    writeMeta(db, 'device_home', home)
    db.prepare('UPDATE sync_outbox SET file = NULL').run()
  })
  return made
}
