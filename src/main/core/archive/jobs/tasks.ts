import type { Worker } from 'node:worker_threads'
import type { CoreContext } from '../../context'
import { JournalFailure } from '../../context'
import { newId } from '../../ids'
import type { Job, JobResult } from './runJob'
import type { WorkerMessage } from './archiveWorker'
import { startThread } from './threads'
import { cancelSmallJob, isSmallJob, runSmallJob } from './smallJobs'

const running = new Map<string, Worker>()

/**
 * Runs an import or export in a worker thread with its own connection, so the host's thread
 * never waits on parsing or writing (a small one runs here: see smallJobs.ts). Progress goes out as `task.progress`; `cancelTask(taskId)`
 * stops it.
 */
export function runTask(ctx: CoreContext, job: Job, label: string, taskId = newId()): Promise<JobResult> {
  if (running.has(taskId)) throw new JournalFailure('CONFLICT', 'That task is already running.')
  if (isSmallJob(ctx, job)) return runSmallJob(ctx, job, label, taskId)
  const worker = startThread('archiveWorker', { job, dataDir: ctx.dataDir, nativeBinding: ctx.nativeBinding })
  running.set(taskId, worker)
  ctx.emit('task.progress', { taskId, label, done: 0, total: null })
  return new Promise<JobResult>((resolve, reject) => {
    let settled = false
    const settle = (fn: () => void) => {
      if (settled) return
      settled = true
      running.delete(taskId)
      fn()
    }
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress')
        ctx.emit('task.progress', {
          taskId,
          label,
          done: message.done,
          total: message.total,
          unit: message.unit
        })
      else if (message.type === 'done') settle(() => resolve(message.result))
      else settle(() => reject(new JournalFailure(message.code, message.message)))
    })
    worker.on('error', (err) =>
      settle(() =>
        reject(
          new JournalFailure(
            'INTERNAL',
            `The ${job.kind} stopped unexpectedly (${err.message}); nothing was changed.`
          )
        )
      )
    )
    worker.on('exit', () =>
      settle(() =>
        reject(new JournalFailure('CANCELLED', `The ${job.kind} was stopped; nothing was changed.`))
      )
    )
  })
}

/** Asks a running task to stop; an import then rolls back. False when no such task runs. */
export function cancelTask(taskId: string): boolean {
  if (cancelSmallJob(taskId)) return true
  const worker = running.get(taskId)
  if (!worker) return false
  worker.postMessage({ type: 'cancel' })
  // A worker stuck in a long synchronous step is stopped outright; its open transaction dies with it.
  setTimeout(() => void worker.terminate(), 5_000).unref()
  return true
}
