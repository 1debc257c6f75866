/*
 * The import side: a file ──▶ its format's reader ──▶ records, one at a time ──▶ the merger
 * (merger.ts: matches each record by id or source key, validate.ts and safeUrls.ts hold it to
 * the app's own rules) ──▶ the journal, through ../rows.ts and the stores, in one transaction.
 * Out comes the import report: counts per record type, problems and notes by position.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { Db } from '../../db/connection'
import type { LexicalDoc } from '../../../../shared/domain'
import type { ConvertedHtml } from '../../../../shared/conversions/html'
import type { ImportFormat, ImportReport } from '../../../../shared/contract/archive'
import { JournalFailure } from '../../context'
import { backupJournal } from '../../backup/backups'
import { READERS } from '../formats'
import { ImportFault, type FormatReader, type Progress } from '../formats/types'
import { DEFAULT_LIMITS, formatBytes, type ImportLimits } from '../files/limits'
import { Merger } from './merger'
import { criticIdentity } from '../critic'
import { BulkIndexing } from '../../search/bulkIndexing'
import { bufferChanges } from '../../stores/changeLog'
import { openSafeZip, startsLikeZip } from '../files/safeZip'

export interface ImportOptions {
  format: ImportFormat | 'auto'
  /** Preview: do everything inside the transaction, then roll it back. */
  dryRun: boolean
  dataDir: string
  signal: AbortSignal
  progress: Progress
  limits?: ImportLimits
  /** A name for the report when `path` is a temporary upload. */
  displayName?: string
  /** HTML to a review document in another thread (see `ConversionPool`); in this one when absent. */
  convertHtml?(html: string): Promise<ConvertedHtml>
  /** Markdown to a review document in another thread; in this one when absent. */
  convertMarkdown?(markdown: string): Promise<LexicalDoc>
}

export interface ImportOutcome {
  report: ImportReport
}

/**
 * Imports one file or folder into the journal: picks the reader, backs the journal up (not for
 * a preview), then applies every record inside one transaction. Any fault — a damaged file, a
 * cancel, a crash — rolls the whole import back, leaving the journal exactly as it was.
 * The connection must be this import's own (a worker's): records stream in between awaits while
 * the transaction is open, which no other caller on the connection may interleave with.
 */
export async function importFile(db: Db, path: string, options: ImportOptions): Promise<ImportOutcome> {
  const started = performance.now()
  const limits = options.limits ?? DEFAULT_LIMITS
  const name = options.displayName ?? basename(path)
  const reader = await chooseReader(path, name, options.format, limits)
  const backup = options.dryRun ? null : await backupJournal(db, options.dataDir, 'before-import')
  const merger = new Merger(db)
  // The index rebuild and any statement that writes many rows keep their scratch tables and
  // statement journals in memory rather than in temporary files.
  db.pragma('temp_store = MEMORY')
  db.exec('BEGIN IMMEDIATE')
  // The change log's rows are written many to a statement, all before the index reads them.
  const changes = bufferChanges(db)
  try {
    const indexing = new BulkIndexing(db)
    const ctx = {
      signal: options.signal,
      limits,
      progress: options.progress,
      convertHtml: options.convertHtml,
      convertMarkdown: options.convertMarkdown,
      critic: criticIdentity(db)
    }
    for await (const record of reader.read(path, ctx)) {
      if (options.signal.aborted) break
      merger.apply(record)
    }
    if (options.signal.aborted)
      throw new JournalFailure('CANCELLED', 'The import was cancelled; the journal was left as it was.')
    merger.finish()
    changes.end()
    // A preview is rolled back, search indexes and all.
    if (!options.dryRun) indexing.finish()
    db.exec(options.dryRun ? 'ROLLBACK' : 'COMMIT')
  } catch (err) {
    changes.discard()
    if (db.inTransaction) db.exec('ROLLBACK')
    if (err instanceof ImportFault) throw new JournalFailure('IMPORT_FAILED', err.message)
    throw err
  }
  return {
    report: {
      format: reader.name,
      source: name,
      dryRun: options.dryRun,
      counts: merger.counts,
      problems: merger.problems,
      problemCount: merger.problemCount,
      notes: merger.notes,
      noteCount: merger.noteCount,
      protectedReviews: merger.protectedReviews,
      backupFile: backup?.name ?? null,
      durationMs: Math.round(performance.now() - started)
    }
  }
}

/** The reader for `path`: the one asked for, or the first whose sniff recognises the file. */
export async function chooseReader(
  path: string,
  name: string,
  format: ImportFormat | 'auto',
  limits: ImportLimits
): Promise<FormatReader> {
  let isDirectory: boolean
  let size: number
  try {
    const info = statSync(path)
    isDirectory = info.isDirectory()
    size = info.size
  } catch {
    throw new JournalFailure('NOT_FOUND', `${name} could not be opened; it may have been moved or deleted.`)
  }
  if (!isDirectory && size > limits.maxFileBytes) {
    throw new JournalFailure(
      'IMPORT_FAILED',
      `${name} is ${formatBytes(size)}; imports are limited to ${formatBytes(limits.maxFileBytes)}. Split the export into smaller files.`
    )
  }
  if (!isDirectory && size === 0)
    throw new JournalFailure('IMPORT_FAILED', `${name} is empty; there is nothing to import.`)
  if (format !== 'auto') {
    const chosen = READERS.find((r) => r.name === format)
    if (!chosen)
      throw new JournalFailure('IMPORT_FAILED', `Importing ${format} files is not available in this version.`)
    return chosen
  }
  const head = isDirectory ? Buffer.alloc(0) : readHead(path)
  const entries = await zipEntryNames(path, name, head, limits)
  const found = READERS.find((r) => r.sniff(path, head, isDirectory, entries))
  if (!found) {
    throw new JournalFailure(
      'IMPORT_FAILED',
      `${name} is not a file Review Journal can import. It reads journal archives, WordPress exports (WXR), Letterboxd exports and Markdown folders.`
    )
  }
  return found
}

function readHead(path: string): Buffer {
  const fd = openSync(path, 'r')
  try {
    const head = Buffer.alloc(4096)
    const n = readSync(fd, head, 0, head.length, 0)
    return head.subarray(0, n)
  } finally {
    closeSync(fd)
  }
}

async function zipEntryNames(
  path: string,
  name: string,
  head: Buffer,
  limits: ImportLimits
): Promise<string[] | null> {
  if (!startsLikeZip(head)) return null
  try {
    const zip = await openSafeZip(path, limits)
    zip.close()
    return zip.entries.map((e) => e.name)
  } catch (err) {
    if (err instanceof ImportFault) throw new JournalFailure('IMPORT_FAILED', err.message)
    throw new JournalFailure('IMPORT_FAILED', `${name} could not be read as a zip file.`)
  }
}
