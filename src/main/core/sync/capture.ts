import { cachedStatement, type Db } from '../db/connection'
import type { LexicalDoc } from '../../../shared/domain'
import { changesSince, lastChange } from '../stores/changeLog'
import { allIds, docName, isSyncedKind, readRecord, SYNCED_KINDS, type SyncedKind } from './records'
import {
  bodySha,
  clientIdOf,
  firstClientId,
  openDoc,
  readMeta,
  RECORD_MAP,
  saveDoc,
  storedDoc,
  writeMeta,
  type OpenDoc
} from './docStore'

export type KindCounts = Partial<Record<SyncedKind, number>>

/** How far the change log has been captured; absent until the first capture. */
const CAPTURED = 'captured_seq'
const PAGE = 5_000

/**
 * Brings the Yjs state up to the journal's rows: every record the change log names since the
 * last capture is read and only what differs is written into its document (a tombstone for a
 * record that is gone), each change queued to be sent. The first capture reads every record,
 * since rows can predate the change log (or be written by raw SQL, as a generated journal is).
 * Runs in the caller's transaction. Answers how many records changed, by kind.
 */
export function captureChanges(db: Db): KindCounts {
  const counts: KindCounts = {}
  const since = readMeta(db, CAPTURED)
  const end = lastChange(db)
  for (const [kind, ids] of changedRecords(db, since === undefined ? null : Number(since))) {
    for (const id of ids) if (captureRecord(db, kind, id)) counts[kind] = (counts[kind] ?? 0) + 1
  }
  writeMeta(db, CAPTURED, String(end))
  return counts
}

/** Marks the change log as captured up to its end: what apply wrote is not a local edit. */
export function markCaptured(db: Db): void {
  writeMeta(db, CAPTURED, String(lastChange(db)))
}

/** The records changed since `since` (every record when null), by kind in writing order. */
function changedRecords(db: Db, since: number | null): Map<SyncedKind, Set<string>> {
  const byKind = new Map<SyncedKind, Set<string>>(SYNCED_KINDS.map((kind) => [kind, new Set<string>()]))
  const everything = (kind: SyncedKind) => {
    const ids = byKind.get(kind)!
    for (const id of allIds(db, kind)) ids.add(id)
    // Records deleted while the log did not say so still have documents: they get tombstones.
    const prefix = `${kind}/`
    const docs = db
      .prepare('SELECT doc FROM sync_docs WHERE doc >= ? AND doc < ?')
      .pluck()
      .all(prefix, `${kind}0`)
    for (const doc of docs as string[]) ids.add(doc.slice(prefix.length))
  }
  if (since === null) {
    SYNCED_KINDS.forEach(everything)
    return byKind
  }
  for (let seq = since; ; ) {
    const page = changesSince(db, seq, PAGE)
    for (const change of page) {
      // Tags travel inside the records that carry them; a new tag alone changes nothing there.
      if (!isSyncedKind(change.kind)) continue
      if (change.op === 'reset') everything(change.kind)
      else byKind.get(change.kind)!.add(change.id)
    }
    if (page.length < PAGE) break
    seq = page[page.length - 1].seq
  }
  return byKind
}

/** Writes one record's differences into its document; answers whether anything changed. */
function captureRecord(db: Db, kind: SyncedKind, id: string): boolean {
  const name = docName(kind, id)
  const record = readRecord(db, kind, id)
  const stored = record ? undefined : storedDoc(db, name)
  if (!record && !stored) return false
  const open = openDoc(db, name, kind)
  try {
    const map = open.doc.getMap(RECORD_MAP)
    let sha: string | undefined
    if (!record) {
      if (map.get('deleted') !== true) map.set('deleted', true)
    } else {
      const fresh = !open.stored
      if (fresh) open.doc.clientID = firstClientId(name, record.fields)
      open.doc.transact(() => {
        for (const [key, value] of Object.entries(record.fields))
          if (map.get(key) !== value) map.set(key, value)
        // A record deleted before and back now (an archive re-imported with its ids) lives again.
        if (map.get('deleted') === true) map.set('deleted', false)
      })
      if (record.body !== undefined && open.body) {
        sha = bodySha(record.body)
        if (fresh) writeBodyWithHistory(db, open, id, record.body)
        else if (sha !== open.stored?.body_sha) open.body.write(JSON.parse(record.body) as LexicalDoc)
      }
    }
    if (open.updates.length === 0 && (sha === undefined || sha === open.stored?.body_sha)) return false
    saveDoc(db, open, { bodySha: sha, local: true })
    return open.updates.length > 0
  } finally {
    open.close()
  }
}

/**
 * A review's first body in Yjs, built by replaying its history (each snapshot, then the text as
 * it stands) with client ids derived from that history. Two journals that share the start of a
 * history (one copied from the other, before either synced) build identical items for it, so
 * only what each wrote since the copy merges, instead of the whole text twice.
 */
function writeBodyWithHistory(db: Db, open: OpenDoc, id: string, body: string): void {
  const history = cachedStatement(
    db,
    'SELECT body FROM review_revision_texts WHERE review_id = ? ORDER BY created_at, id'
  )
    .pluck()
    .all(id) as string[]
  let chain = open.name
  let previous: string | undefined
  for (const step of [...history, body]) {
    if (step === previous) continue
    previous = step
    chain = bodySha(chain + '\0' + step)
    open.doc.clientID = clientIdOf(chain)
    open.body!.write(JSON.parse(step) as LexicalDoc)
  }
}
