import { z } from 'zod'
import { channel } from './define'

/** Formats a file can be imported from; `auto` asks the readers to recognise it. */
export const IMPORT_FORMATS = ['archive', 'wxr', 'letterboxd', 'markdown'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

/** Formats the journal can be written out as. */
export const EXPORT_FORMATS = ['archive', 'wxr', 'letterboxd', 'markdown', 'html'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** The kinds of entity an import counts, in the order a report lists them. */
export const RECORD_TYPES = ['work', 'tag', 'review', 'revision', 'screening', 'response', 'other'] as const
export type RecordType = (typeof RECORD_TYPES)[number]

export interface TypeCounts {
  created: number
  updated: number
  skipped: number
  /** Why rows were skipped ("already imported", "pingback") and how many each. */
  reasons: Record<string, number>
}

/** One source row or item that could not be imported, with its 1-based position. */
export interface ImportProblem {
  position: number
  what: string
  message: string
}

/** What an import did — or, for a preview, exactly what it would do. */
export interface ImportReport {
  format: ImportFormat
  /** The file's name (not its full path). */
  source: string
  dryRun: boolean
  counts: Record<RecordType, TypeCounts>
  /** The first problems (at most 500); `problemCount` says how many there were in all. */
  problems: ImportProblem[]
  problemCount: number
  /**
   * What the critic should know about items that did import: parts of a post left out on
   * purpose (scripts, embeds, images), a date read without its time zone. The first 500;
   * `noteCount` says how many there were in all.
   */
  notes: ImportProblem[]
  noteCount: number
  /** Password-protected posts in the file: imported as protected reviews, password kept. */
  protectedReviews: number
  /** The copy of the journal taken before a real import (none for a preview). */
  backupFile: string | null
  durationMs: number
}

export interface ExportSummary {
  format: ExportFormat
  /** The file or folder name written. */
  name: string
  counts: Partial<Record<RecordType, number>>
  /** Files written (a Letterboxd or Markdown export may be several). */
  files: number
  bytes: number
}

/** A file the critic chose (dialog, upload or drop), known to the core by an opaque id. */
export interface ChosenFile {
  fileId: string
  name: string
}

export interface ExportResult extends ExportSummary {
  /** Present when the host serves the result as a download (the browser host). */
  downloadId: string | null
}

const fileId = z.string().trim().min(8).max(100)
const taskId = z.string().trim().min(1).max(100)
const importFormat = z.enum(['auto', ...IMPORT_FORMATS]).default('auto')

const importInput = z.object({ fileId, format: importFormat, taskId: taskId.optional() }).strict()
const chooseImportInput = z
  .object({ directory: z.boolean().default(false) })
  .strict()
  .optional()
const chooseExportInput = z.object({ format: z.enum(EXPORT_FORMATS) }).strict()
const exportInput = z
  .object({ format: z.enum(EXPORT_FORMATS), fileId: fileId.optional(), taskId: taskId.optional() })
  .strict()
const cancelInput = z.object({ taskId }).strict()
/** 4 MB of file per message, base64-encoded. */
export const RECEIVE_CHUNK_BYTES = 4 * 1024 * 1024
const receiveInput = z
  .object({
    uploadId: z.string().trim().min(8).max(100).optional(),
    name: z.string().trim().min(1).max(255),
    chunk: z.base64().max(Math.ceil(RECEIVE_CHUNK_BYTES / 3) * 4),
    last: z.boolean()
  })
  .strict()

export interface ArchiveCapabilities {
  /** Electron: native open/save dialogs. Otherwise the renderer uploads and downloads. */
  nativeDialogs: boolean
  importFormats: ImportFormat[]
  exportFormats: { format: ExportFormat; label: string; extension: string }[]
}
const none = z.object({}).strict().optional()

export const archiveChannels = {
  /** What the host can do: native dialogs (Electron) or upload/download (browser). */
  'archive.capabilities': channel<typeof none, ArchiveCapabilities>(none),
  /** Opens the native open dialog; null when the critic cancels. */
  'archive.chooseImport': channel<typeof chooseImportInput, ChosenFile | null>(chooseImportInput),
  /** Opens the native save dialog for an export; null when the critic cancels. */
  'archive.chooseExport': channel<typeof chooseExportInput, ChosenFile | null>(chooseExportInput),
  /** Reads the file and reports exactly what an import would do, changing nothing. */
  'archive.preview': channel<typeof importInput, ImportReport>(importInput),
  /** Imports the file in one transaction, after a backup. */
  'archive.import': channel<typeof importInput, ImportReport>(importInput),
  /** Writes the journal out; to the chosen file, or to a download when no file is given. */
  'archive.export': channel<typeof exportInput, ExportResult>(exportInput),
  /**
   * Receives a dropped or picked file in pieces where the host has no upload route (Electron):
   * the first piece opens an upload, the last answers with the file's id.
   */
  'archive.receive': channel<typeof receiveInput, { uploadId: string; file: ChosenFile | null }>(
    receiveInput
  ),
  /** Stops a running import or export; an import rolls back and changes nothing. */
  'archive.cancel': channel<typeof cancelInput, { cancelled: boolean }>(cancelInput)
}
