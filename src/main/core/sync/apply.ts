import { yjs } from './yjs'
import { cachedStatement, type Db } from '../db/connection'
import type { LexicalDoc } from '../../../shared/domain'
import { plainTextToLexical } from '../../../shared/conversions/plainText'
import { bodySha, openDoc, RECORD_MAP, saveDoc, storedDoc, updatesAddSomething } from './docStore'
import { clearDanglingLinks, landDeletion, landRecord } from './land'
import { BulkIndexing } from '../search/bulkIndexing'
import { parseDocName, readRecord, SYNCED_KINDS, type Fields, type SyncedKind } from './records'
import type { KindCounts } from './capture'

/** One Yjs update for one record's document, as a transport carries it. */
export interface DocUpdate {
  doc: string
  update: Uint8Array
}

/** Other devices' updates by document: their names, and each one's updates when it is merged. */
export interface Arrived {
  names: Iterable<string>
  updatesOf(name: string): Uint8Array[]
}

/** Updates held in memory (a folder's files), grouped by document. */
export function arrivedInMemory(updates: DocUpdate[]): Arrived {
  const byDoc = new Map<string, Uint8Array[]>()
  for (const { doc, update } of updates) {
    const list = byDoc.get(doc)
    if (list) list.push(update)
    else byDoc.set(doc, [update])
  }
  return { names: byDoc.keys(), updatesOf: (name) => byDoc.get(name) ?? [] }
}

export interface ApplyResult {
  /** Documents that gained something from the updates, by kind. */
  merged: KindCounts
  /** Records written to (or deleted from) the journal, by kind. */
  applied: KindCounts
}

interface Pending {
  kind: SyncedKind
  id: string
  name: string
  fields: Fields
  deleted: boolean
  body?: LexicalDoc
  bodySha?: string
}

/** Rounds landing this many documents or more index them for search at the end. */
const INDEX_AT_END_FROM = 500

const add = (counts: KindCounts, kind: SyncedKind) => (counts[kind] = (counts[kind] ?? 0) + 1)

/**
 * Merges other devices' updates into the Yjs state and writes the records they change into the
 * journal through its stores: parents first, deletions children first, links checked once all
 * have landed. A record whose film or review has not arrived yet waits (`unapplied`) and is
 * tried again next round. Runs in the caller's transaction, after a capture, so the journal's
 * rows and the Yjs state agree before and after.
 */
export function applyUpdates(db: Db, arrived: Arrived): ApplyResult {
  const result: ApplyResult = { merged: {}, applied: {} }
  // By kind, each name once. A kind this version does not know is left out: kept by the devices
  // that know it.
  const byKind = new Map<SyncedKind, Set<string>>(SYNCED_KINDS.map((kind) => [kind, new Set()]))
  const unapplied = db.prepare('SELECT doc FROM sync_docs WHERE unapplied = 1').pluck().all() as string[]
  for (const name of [...arrived.names, ...unapplied]) {
    const kind = parseDocName(name)?.kind
    if (kind) byKind.get(kind)!.add(name)
  }
  // Foreign keys are checked at commit: a reply may land before the response it answers.
  db.pragma('defer_foreign_keys = ON')
  // Many records (a first sync) are indexed for search at the end, in a few statements, rather
  // than row by row as they land: each row's own indexing cost most of a large round.
  const total = [...byKind.values()].reduce((sum, names) => sum + names.size, 0)
  const indexing = total >= INDEX_AT_END_FROM ? new BulkIndexing(db, { deletionsLive: true }) : null
  // Kind by kind, parents first, each record written as soon as it is merged: a journal's worth
  // of review bodies is never held at once. Deletions wait, and go children first.
  const deletions: Pending[] = []
  for (const kind of SYNCED_KINDS) {
    for (const name of byKind.get(kind)!) {
      const list = arrived.updatesOf(name)
      const item = mergeDoc(db, name, list)
      if (!item) continue
      if (list.length) add(result.merged, kind)
      if (item.deleted) {
        deletions.push(item)
        continue
      }
      const landing = landRecord(db, kind, item.id, item.fields, item.body)
      if (landing === 'written') add(result.applied, kind)
      markLanded(db, item, landing === 'waiting')
    }
  }
  for (const kind of [...SYNCED_KINDS].reverse()) {
    for (const item of deletions) {
      if (item.kind !== kind) continue
      if (landDeletion(db, kind, item.id)) add(result.applied, kind)
      markLanded(db, item, false)
    }
  }
  indexing?.finish()
  // Only a round that wrote something can have left a link dangling.
  if (Object.keys(result.applied).length) clearDanglingLinks(db)
  return result
}

/** Merges one document's updates; answers what it now says, or null when nothing changed. */
function mergeDoc(db: Db, name: string, updates: Uint8Array[]): Pending | null {
  const { kind, id } = parseDocName(name)!
  const stored = storedDoc(db, name)
  if (stored && !stored.unapplied && !updatesAddSomething(stored, updates)) return null
  const open = openDoc(db, name, kind)
  try {
    for (const update of updates) yjs().applyUpdate(open.doc, update, 'remote')
    const waiting = Boolean(open.stored?.unapplied)
    // An update that builds on one not seen yet changes nothing visible, but is kept (in the
    // stored state) until what it builds on arrives: so every update received is saved.
    if (updates.length) saveDoc(db, open, { onlyUpdate: updates.length === 1 ? updates[0] : undefined })
    if (open.updates.length === 0 && !waiting) return null
    const fields = open.doc.getMap(RECORD_MAP).toJSON() as Fields & { deleted?: boolean }
    // A record whose first fields have not arrived yet has nothing to write.
    if (!('created_at' in fields) && !('value' in fields) && !fields.deleted) return null
    const item: Pending = { kind, id, name, fields, deleted: fields.deleted === true }
    if (open.body && !item.deleted && (open.bodyChanged || waiting || !readRecord(db, kind, id))) {
      item.body = open.body.read() ?? plainTextToLexical('')
      item.bodySha = bodySha(JSON.stringify(item.body))
    }
    return item
  } finally {
    open.close()
  }
}

/** Records that the journal's row now agrees with the document (or waits for its parent). */
function markLanded(db: Db, item: Pending, waiting: boolean): void {
  cachedStatement(
    db,
    'UPDATE sync_docs SET unapplied = ?, body_sha = coalesce(?, body_sha) WHERE doc = ?'
  ).run(waiting ? 1 : 0, waiting ? null : (item.bodySha ?? null), item.name)
}
