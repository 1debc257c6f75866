/*
 * Running imports and exports: a job (plain data: which file, which format) goes in, its report
 * or summary and `task.progress` events come out. tasks.ts starts a worker thread
 * (archiveWorker.ts, with its own connection) or, for a small job, runs it here (smallJobs.ts);
 * an import's HTML and Markdown conversions run on a pool of threads of their own
 * (conversionPool.ts, conversionWorker.ts). threads.ts finds each thread's code, bundled or source.
 */
import type { Db } from '../../db/connection'
import type {
  ExportFormat,
  ExportSummary,
  ImportFormat,
  ImportReport
} from '../../../../shared/contract/archive'
import { JournalFailure } from '../../context'
import { EXPORTERS } from '../formats'
import type { Progress } from '../formats/types'
import { importFile } from '../import/importFile'
import { ConversionPool } from './conversionPool'

/** Work a background worker does: everything it needs travels as plain data. */
export type Job =
  | {
      kind: 'import'
      path: string
      displayName: string
      format: ImportFormat | 'auto'
      dryRun: boolean
      dataDir: string
    }
  | { kind: 'export'; format: ExportFormat; outPath: string; appVersion: string }

export type JobResult = { kind: 'import'; report: ImportReport } | { kind: 'export'; summary: ExportSummary }

/**
 * Runs one job on the given connection (the worker's own, or a test's). An import converts
 * post HTML and note Markdown in threads of their own, started only if the file has any.
 */
export async function runJob(
  db: Db,
  job: Job,
  signal: AbortSignal,
  progress: Progress,
  options: { convertInPlace?: boolean } = {}
): Promise<JobResult> {
  if (job.kind === 'import') {
    const converter = new ConversionPool(options.convertInPlace)
    try {
      const outcome = await importFile(db, job.path, {
        ...job,
        signal,
        progress,
        convertHtml: (html) => converter.html(html),
        convertMarkdown: (markdown) => converter.markdown(markdown)
      })
      return { kind: 'import', ...outcome }
    } finally {
      await converter.close()
    }
  }
  const exporter = EXPORTERS.find((e) => e.name === job.format)
  if (!exporter)
    throw new JournalFailure('EXPORT_FAILED', `Exporting as ${job.format} is not available in this version.`)
  const summary = await exporter.run(db, job.outPath, { signal, progress, appVersion: job.appVersion })
  if (signal.aborted) throw new JournalFailure('CANCELLED', 'The export was cancelled; no file was written.')
  return { kind: 'export', summary }
}
