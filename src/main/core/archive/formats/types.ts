import type { Db } from '../../db/connection'
import type { ExportFormat, ExportSummary, ImportFormat } from '../../../../shared/contract/archive'
import type { ImportRecord } from '../records'
import type { ConvertedHtml } from '../../../../shared/conversions/html'
import type { LexicalDoc } from '../../../../shared/domain'
import type { CriticIdentity } from '../critic'
import type { ImportLimits } from '../files/limits'
import type { ProgressUnit } from '../../../../shared/contract'

export type { ExportSummary }

/**
 * How far a reader or writer got: items (rows, entries, files), or bytes of the file read when it
 * cannot know its item count ahead; `total` null when unknown.
 */
export type Progress = (done: number, total: number | null, unit?: ProgressUnit) => void

/** What a reader is given: a cancel signal, the size limits, and a progress callback. */
export interface ReaderContext {
  signal: AbortSignal
  limits: ImportLimits
  progress: Progress
  /** HTML to a review document in another thread, when the importing host offers one. */
  convertHtml?(html: string): Promise<ConvertedHtml>
  /** Markdown to a review document in another thread, when the importing host offers one. */
  convertMarkdown?(markdown: string): Promise<LexicalDoc>
  /** The critic's name and e-mail from Preferences, when set: a WordPress comment with that e-mail is theirs. */
  critic?: CriticIdentity | null
}

/**
 * One import format. `sniff` looks at the first bytes (or knows a folder; for a zip it also gets
 * the entry names) and says whether the file is this format; `read` streams records from it,
 * never touching the journal. Problems
 * with one item are yielded as `problem` records; a fault in the whole file throws an
 * `ImportFault` with a message for people.
 */
export interface FormatReader {
  name: ImportFormat
  /** Names shown in file dialogs. */
  extensions: string[]
  sniff(path: string, head: Buffer, isDirectory: boolean, zipEntries: string[] | null): boolean
  read(path: string, ctx: ReaderContext): AsyncIterable<ImportRecord>
}

export interface ExportContext {
  signal: AbortSignal
  progress: Progress
  /** The app's version, written into files that record it. */
  appVersion: string
}

/** Writes the whole journal to `outPath` (a file, or a folder for multi-file formats). */
export type Exporter = (db: Db, outPath: string, ctx: ExportContext) => Promise<ExportSummary>

export interface FormatExporter {
  name: ExportFormat
  /** The default file name's ending (".rjarchive", ".xml", ".zip" …). */
  extension: string
  /** What the file dialog calls it. */
  label: string
  run: Exporter
}

/**
 * A fault in the whole source (not one row): the import stops, the journal is left as it was,
 * and this message is what the critic reads.
 */
export class ImportFault extends Error {}
