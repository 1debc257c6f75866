/*
 * The archive module: files in and out of the journal.
 *
 *   a file ──▶ formats/<name>/reader.ts ──▶ records (records.ts) ──▶ import/ merger ──▶ rows.ts ──▶ the journal
 *   the journal ──▶ export/ read model ──▶ records ──▶ formats/<name>/writer.ts ──▶ files/ atomic writer ──▶ a file
 *
 * Channels arrive here; jobs/ runs each import or export (in a worker thread when it is large),
 * files/ holds what touches the disk (granted paths, uploads, limits, zips, the atomic writer).
 * Records are the one vocabulary both directions speak: a reader never touches the database,
 * a writer never reads a table, and the merger never knows a file format.
 */
import { join } from 'node:path'
import { rmSync } from 'node:fs'
import type { HandlerMap } from '../dispatch'
import type { CoreContext } from '../context'
import { JournalFailure } from '../context'
import type { ExportFormat, ImportFormat } from '../../../shared/contract/archive'
import type { FormatExporter } from './formats/types'
import { grantedFile, grantFile, releaseFile, temporaryFolder } from './files/grants'
import { receivePiece } from './files/uploads'
import { loadLater } from '../loadLater'

/**
 * The readers and writers, and the task runner that reaches them, loaded the first time a
 * handler needs them: they pull in Lexical, linkedom, the zip and XML parsers, which a `list` or
 * `search` from the command line never uses (loading them cost every CLI command about a third of
 * its start-up). tests/hosts/cli-bundle.test.ts fails if they load again.
 */
const loadFormats = loadLater(__filename, './formats', () => import('./formats'))
const loadTasks = loadLater(__filename, './jobs/tasks', () => import('./jobs/tasks'))

async function findExporter(format: ExportFormat): Promise<FormatExporter> {
  const exporter = (await loadFormats()).EXPORTERS.find((e) => e.name === format)
  if (!exporter)
    throw new JournalFailure('EXPORT_FAILED', `Exporting as ${format} is not available in this version.`)
  return exporter
}

async function runImportTask(
  input: { fileId: string; format: ImportFormat | 'auto'; taskId?: string },
  ctx: CoreContext,
  dryRun: boolean
) {
  const file = grantedFile(input.fileId, 'read')
  const label = `${dryRun ? 'Checking' : 'Importing'} ${file.name}`
  const { runTask } = await loadTasks()
  const result = await runTask(
    ctx,
    {
      kind: 'import',
      path: file.path,
      displayName: file.name,
      format: input.format,
      dryRun,
      dataDir: ctx.dataDir
    },
    label,
    input.taskId
  )
  if (result.kind !== 'import')
    throw new JournalFailure('INTERNAL', 'The import answered with something else.')
  // data.changed comes from the change log once the import commits (core/stores/announce.ts).
  if (!dryRun) releaseFile(input.fileId)
  return result.report
}

/** The default file name for an export: `review-journal-2024-05-01.rjarchive`. */
export function exportFileName(
  format: ExportFormat,
  exporter: Pick<FormatExporter, 'extension'>,
  at = new Date()
): string {
  return `review-journal-${format === 'archive' ? '' : `${format}-`}${at.toISOString().slice(0, 10)}${exporter.extension}`
}

export const archiveHandlers: HandlerMap = {
  'archive.capabilities': async (_input, { host }) => {
    const { READERS, EXPORTERS } = await loadFormats()
    return {
      nativeDialogs: Boolean(host.pickOpenPath && host.pickSavePath),
      importFormats: READERS.map((r) => r.name),
      exportFormats: EXPORTERS.map((e) => ({ format: e.name, label: e.label, extension: e.extension }))
    }
  },

  'archive.receive': (input) => receivePiece(input),

  'archive.chooseImport': async (input, { host }) => {
    if (!host.pickOpenPath)
      throw new JournalFailure('INVALID_INPUT', 'This host has no file dialog; upload the file instead.')
    const { READERS } = await loadFormats()
    const extensions = [...new Set(READERS.flatMap((r) => r.extensions))]
    const path = await host.pickOpenPath({
      title: input?.directory ? 'Import a folder of Markdown files' : 'Import into the journal',
      filters: [{ name: 'Journal archives and exports', extensions }],
      directory: input?.directory
    })
    return path ? grantFile(path, 'read') : null
  },

  'archive.chooseExport': async ({ format }, { host }) => {
    if (!host.pickSavePath)
      throw new JournalFailure(
        'INVALID_INPUT',
        'This host has no save dialog; the export is downloaded instead.'
      )
    const exporter = await findExporter(format)
    const path = await host.pickSavePath({
      title: `Export as ${exporter.label}`,
      defaultName: exportFileName(format, exporter),
      filters: [{ name: exporter.label, extensions: [exporter.extension.replace(/^\./, '')] }]
    })
    return path ? grantFile(path, 'write') : null
  },

  'archive.preview': (input, ctx) => runImportTask(input, ctx, true),
  'archive.import': (input, ctx) => runImportTask(input, ctx, false),

  'archive.export': async ({ format, fileId, taskId }, ctx) => {
    const exporter = await findExporter(format)
    const folder = fileId ? null : temporaryFolder('export')
    const outPath = fileId
      ? grantedFile(fileId, 'write').path
      : join(folder!, exportFileName(format, exporter))
    const { runTask } = await loadTasks()
    const result = await runTask(
      ctx,
      { kind: 'export', format, outPath, appVersion: ctx.version },
      `Exporting ${exporter.label}`,
      taskId
    ).catch((err: unknown) => {
      if (folder) rmSync(folder, { recursive: true, force: true })
      throw err
    })
    if (result.kind !== 'export')
      throw new JournalFailure('INTERNAL', 'The export answered with something else.')
    if (fileId) releaseFile(fileId)
    const downloadId = folder ? grantFile(outPath, 'download', { cleanup: folder }).fileId : null
    return { ...result.summary, downloadId }
  },

  'archive.cancel': async ({ taskId }) => ({ cancelled: (await loadTasks()).cancelTask(taskId) })
}
