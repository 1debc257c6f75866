import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { DB_FILE_NAME, type Db } from '../../db/connection'
import { JournalFailure } from '../../context'
import { runJob, type Job } from './runJob'
import type { Progress } from '../formats/types'
import type { ProgressUnit } from '../../../../shared/contract'

/** What the worker posts back to the thread that started it. */
export type WorkerMessage =
  | { type: 'progress'; done: number; total: number | null; unit?: ProgressUnit }
  | { type: 'done'; result: Awaited<ReturnType<typeof runJob>> }
  | { type: 'failed'; code: JournalFailure['code']; message: string }

const PROGRESS_INTERVAL_MS = 100

/**
 * An import or export off the main thread: opens its own connection to the journal, runs the
 * job, and reports progress at most every 100 ms. A `cancel` message aborts the job, which
 * rolls back whatever it had written.
 */
async function main(): Promise<void> {
  const { job, dataDir, nativeBinding } = workerData as { job: Job; dataDir: string; nativeBinding?: string }
  const port = parentPort!
  const controller = new AbortController()
  port.on('message', (message: { type: string }) => {
    if (message.type === 'cancel') controller.abort()
  })
  let last = 0
  const progress: Progress = (done, total, unit) => {
    const at = Date.now()
    if (at - last < PROGRESS_INTERVAL_MS && done !== total) return
    last = at
    port.postMessage({ type: 'progress', done, total, unit } satisfies WorkerMessage)
  }
  const db = openOwnConnection(dataDir, nativeBinding)
  try {
    const result = await runJob(db, job, controller.signal, progress)
    port.postMessage({ type: 'done', result } satisfies WorkerMessage)
    copyLogIntoDatabase(db)
  } catch (err) {
    const failure = err instanceof JournalFailure ? err : null
    if (!failure) console.error('[archive worker]', err)
    port.postMessage({
      type: 'failed',
      code: failure?.code ?? 'INTERNAL',
      message: failure?.message ?? `The ${job.kind} failed: ${(err as Error).message}. Nothing was changed.`
    } satisfies WorkerMessage)
  } finally {
    db.close()
    port.close()
  }
}

/**
 * A second connection to the journal the host already opened (and migrated): the same pragmas,
 * no migration step, so a worker can never race the host over the schema.
 */
function openOwnConnection(dataDir: string, nativeBinding: string | undefined): Db {
  const db = new Database(join(dataDir, DB_FILE_NAME), { nativeBinding, fileMustExist: true })
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  // An import's commit would copy its whole log into the database file (half a second for
  // 120 MB) before the report could go out; the worker does that after answering instead.
  db.pragma('wal_autocheckpoint = 0')
  return db
}

/**
 * Copies the write-ahead log into the database file, off the host's thread, once the job has
 * answered: an import is on disk from its commit, so the critic need not wait for this.
 * PASSIVE never waits for the host's readers or writers; what it leaves, the host's own idle
 * checkpoint copies.
 */
function copyLogIntoDatabase(db: Db): void {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch (err) {
    console.error('[archive worker] checkpoint', err)
  }
}

void main()
