import { loadYjs, yjs } from './yjs'
import { cachedStatement, type Db } from '../db/connection'
import { inTransaction } from '../stores/write'
import { applyUpdates, arrivedInMemory, type DocUpdate } from './apply'
import { captureChanges, markCaptured, type KindCounts } from './capture'
import { deviceId, readMeta, writeMeta } from './docStore'
import type { DeviceDescription } from './deviceKeys'
import { resolve } from 'node:path'
import {
  checkFolder,
  ownFiles,
  ownKey,
  prepareOwnFolder,
  readOthers,
  removeOwnFile,
  writeOwnFile
} from './folder'
import { parseDocName } from './records'
import type { FileKey } from './updateFile'

export interface FolderSyncOptions {
  folder: string
  /** Seals everything this device writes, and is required to read what others wrote. */
  passphrase?: string | null
  /** The most one file holds, about (`FILE_BYTES`; tests make it small). */
  fileBytes?: number
}

/** What one round moved, by kind of record. */
export interface SyncReport {
  device: string
  /** Local changes newly taken into the Yjs state. */
  captured: KindCounts
  /** Records whose updates went out in this round's file. */
  sent: KindCounts
  /** Records whose documents gained something from other devices. */
  received: KindCounts
  /** Records written to (or deleted from) this journal. */
  applied: KindCounts
  files: { read: number; written: number; waiting: number }
}

/** A round's report before anything has moved. */
export function emptyReport(device: string, files: Partial<SyncReport['files']> = {}): SyncReport {
  const moved = { read: 0, written: 0, waiting: 0, ...files }
  return { device, captured: {}, sent: {}, received: {}, applied: {}, files: moved }
}

/** Own files beyond this many are compacted (see `compact`). */
const COMPACT_AFTER = 16
/**
 * What one file holds at most, about: a first sync of a large journal goes out as several files,
 * so its updates are never all in memory at once (nor, encoded, twice).
 */
const FILE_BYTES = 32 * 1024 * 1024

/**
 * One round through a shared folder: read and verify what other devices wrote, then in one
 * transaction capture this journal's changes and apply theirs, then write this device's new
 * updates. Anything untrustworthy (a wrong passphrase, a tampered file) is refused before the
 * transaction, so the journal is unchanged; a round killed at any point leaves either the old
 * state or the new, and at worst sends some updates twice, which merging ignores.
 */
export async function syncWithFolder(db: Db, options: FolderSyncOptions): Promise<SyncReport> {
  const { folder } = options
  const passphrase = options.passphrase ?? null
  checkFolder(folder)
  await loadYjs()
  const device = deviceId(db)
  // Remembered per folder: the same journal may sync to another folder with other settings.
  const rememberedAs = `description:${resolve(folder)}`
  const remembered = readMeta(db, rememberedAs)
  const own = await ownKey(
    folder,
    device,
    passphrase,
    remembered ? (JSON.parse(remembered) as DeviceDescription) : null
  )
  const seen = cachedStatement(db, 'SELECT 1 FROM sync_files_read WHERE device = ? AND name = ? AND size = ?')
  const incoming = await readOthers(folder, device, passphrase, (d, name, size) =>
    Boolean(seen.get(d, name, size))
  )

  const report = emptyReport(device, { read: incoming.files.length, waiting: incoming.waiting })
  inTransaction(db, () => {
    report.captured = captureChanges(db)
    const applied = applyUpdates(db, arrivedInMemory(incoming.files.flatMap((file) => file.updates)))
    report.received = applied.merged
    report.applied = applied.applied
    // What apply wrote went through the stores and so into the change log: not a local edit.
    markCaptured(db)
    if (own.remember) writeMeta(db, rememberedAs, JSON.stringify(own.remember))
    const remember = cachedStatement(
      db,
      'INSERT OR REPLACE INTO sync_files_read (device, name, size) VALUES (?, ?, ?)'
    )
    for (const file of incoming.files) remember.run(file.device, file.name, file.size)
  })

  await prepareOwnFolder(folder, device, own.write)
  sendOutbox(db, folder, device, own.key, report, options.fileBytes ?? FILE_BYTES)
  return report
}

interface OutboxRow {
  seq: number
  doc: string
  data: Buffer
  file: string | null
}

/** Writes what was never sent (or whose file has disappeared) as new files, each whole; compacts. */
function sendOutbox(
  db: Db,
  folder: string,
  device: string,
  key: FileKey,
  report: SyncReport,
  fileBytes: number
): void {
  const present = new Set(ownFiles(folder, device))
  // A file deleted from the folder (by hand, by a sync service) is sent again.
  const sentIn = db
    .prepare('SELECT DISTINCT file FROM sync_outbox WHERE file IS NOT NULL')
    .pluck()
    .all() as string[]
  const lost = sentIn.filter((file) => !present.has(file))
  if (lost.length) {
    const unmark = db.prepare('UPDATE sync_outbox SET file = NULL WHERE file = ?')
    inTransaction(db, () => lost.forEach((file) => unmark.run(file)))
  }
  const mark = db.prepare('UPDATE sync_outbox SET file = ? WHERE seq = ?')
  const sentDocs = new Set<string>()
  for (let after = 0; ; ) {
    const unsent = unsentRows(db, after, fileBytes)
    if (unsent.length === 0) break
    after = unsent[unsent.length - 1].seq
    const name = writeOwnFile(folder, device, nextNumber(present), unsent.map(asUpdate), key)
    inTransaction(db, () => unsent.forEach((row) => mark.run(name, row.seq)))
    present.add(name)
    report.files.written++
    for (const row of unsent) sentDocs.add(row.doc)
  }
  for (const doc of sentDocs) {
    const kind = parseDocName(doc)?.kind
    if (kind) report.sent[kind] = (report.sent[kind] ?? 0) + 1
  }
  if (present.size > COMPACT_AFTER) compact(db, folder, device, key, present, report, fileBytes)
}

/** Unsent outbox rows after `seq`, in order, about a file's worth. */
function unsentRows(db: Db, after: number, fileBytes: number): OutboxRow[] {
  const rows: OutboxRow[] = []
  let bytes = 0
  const unsent = cachedStatement(
    db,
    'SELECT seq, doc, data, file FROM sync_outbox WHERE file IS NULL AND seq > ? ORDER BY seq'
  )
  for (const row of unsent.iterate(after) as IterableIterator<OutboxRow>) {
    rows.push(row)
    bytes += row.data.length
    if (bytes >= fileBytes) break
  }
  return rows
}

/**
 * Merges this device's small files into one, per record, once there are more than
 * `COMPACT_AFTER` of them. Files of at least half a full file's size (a first sync's, as a rule)
 * stay as they are, so readers are not sent the whole journal again for a few edits, and a
 * compaction never holds more than small files. The new file is whole before the outbox points
 * at it and before any old file goes, so a crash between leaves both (read twice, merged once).
 * Files of ours the outbox does not know (a sync service's copies, a crash's leftovers) only
 * repeat what it holds, and go too.
 */
function compact(
  db: Db,
  folder: string,
  device: string,
  key: FileKey,
  present: Set<string>,
  report: SyncReport,
  fileBytes: number
): void {
  const sizes = db
    .prepare('SELECT file, sum(length(data)) AS bytes FROM sync_outbox GROUP BY file')
    .all() as { file: string; bytes: number }[]
  const kept = new Set(sizes.filter((row) => row.bytes * 2 >= fileBytes).map((row) => row.file))
  if ([...present].filter((file) => !kept.has(file)).length <= COMPACT_AFTER) return
  // File by file through the outbox's index: the kept files' rows are most of the journal.
  const ofFile = db.prepare('SELECT seq, doc, data, file FROM sync_outbox WHERE file = ?')
  const rows = sizes
    .filter((row) => !kept.has(row.file))
    .flatMap((row) => ofFile.all(row.file) as OutboxRow[])
    .sort((x, y) => x.seq - y.seq)
  const byDoc = new Map<string, Uint8Array[]>()
  for (const row of rows) {
    const list = byDoc.get(row.doc)
    if (list) list.push(row.data)
    else byDoc.set(row.doc, [row.data])
  }
  const merged: DocUpdate[] = [...byDoc].map(([doc, list]) => ({
    doc,
    update: list.length === 1 ? list[0] : yjs().mergeUpdates(list)
  }))
  const name = writeOwnFile(folder, device, nextNumber(present), merged, key)
  inTransaction(db, () => {
    const remove = db.prepare('DELETE FROM sync_outbox WHERE seq = ?')
    for (const row of rows) remove.run(row.seq)
    const insert = db.prepare('INSERT INTO sync_outbox (doc, data, file) VALUES (?, ?, ?)')
    for (const { doc, update } of merged) insert.run(doc, update, name)
  })
  report.files.written++
  for (const old of present) if (!kept.has(old)) removeOwnFile(folder, device, old)
}

const asUpdate = (row: OutboxRow): DocUpdate => ({ doc: row.doc, update: row.data })

/** The number after the highest of this device's files, so its files sort in writing order. */
function nextNumber(present: Set<string>): number {
  let highest = 0
  for (const name of present) highest = Math.max(highest, Number.parseInt(name, 10) || 0)
  return highest + 1
}
