import { statSync } from 'node:fs'
import type { CoreContext } from '../../context'
import { JournalFailure } from '../../context'
import { runJob, type Job, type JobResult } from './runJob'

/**
 * Below these sizes an import or export runs on the host's own thread. A worker thread costs
 * its start-up before any work: about 0.1 s for the bundled app, and 1.2–1.8 s where the core
 * runs from its TypeScript source (the browser host, the CLI, tests), which compiles every
 * module the worker loads. A 2.5 KB Letterboxd zip took 2–3 s to preview that way, stuck on
 * "Starting…"; on this thread it takes milliseconds, short enough not to hold up other calls.
 */
const SMALL_IMPORT_BYTES = 512 * 1024
const SMALL_EXPORT_REVIEWS = 200
const SMALL_EXPORT_RESPONSES = 2_000

const running = new Map<string, AbortController>()

/** True when `job` is small enough that starting a thread would cost more than the job. */
export function isSmallJob(ctx: CoreContext, job: Job): boolean {
  if (job.kind === 'import') {
    try {
      const stat = statSync(job.path)
      return stat.isFile() && stat.size <= SMALL_IMPORT_BYTES
    } catch {
      return false // the worker reports an unreadable file in its own words
    }
  }
  const count = (sql: string) => ctx.db.prepare(sql).pluck().get() as number
  return (
    count('SELECT count(*) FROM reviews WHERE deleted_at IS NULL') <= SMALL_EXPORT_REVIEWS &&
    count('SELECT count(*) FROM responses') <= SMALL_EXPORT_RESPONSES
  )
}

/** Runs a small job here, with the same progress events and cancelling as a worker's. */
export async function runSmallJob(
  ctx: CoreContext,
  job: Job,
  label: string,
  taskId: string
): Promise<JobResult> {
  if (running.has(taskId)) throw new JournalFailure('CONFLICT', 'That task is already running.')
  const controller = new AbortController()
  running.set(taskId, controller)
  ctx.emit('task.progress', { taskId, label, done: 0, total: null })
  try {
    return await runJob(
      ctx.db,
      job,
      controller.signal,
      (done, total, unit) => ctx.emit('task.progress', { taskId, label, done, total, unit }),
      {
        convertInPlace: true
      }
    )
  } finally {
    running.delete(taskId)
  }
}

/** Cancels a small job running here; false when there is none by that id. */
export function cancelSmallJob(taskId: string): boolean {
  const controller = running.get(taskId)
  controller?.abort()
  return Boolean(controller)
}
