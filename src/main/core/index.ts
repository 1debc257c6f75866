import { openJournal, type Db, type OpenOptions } from './db/connection'
import { checkpointWhenIdle } from './db/checkpoint'
import { beginSession } from './db/checkSchedule'
import { createDispatch, type Dispatch } from './dispatch'
import { handlers } from './handlers'
import { changeAnnouncer } from './stores/announce'
import { trimChangeLog } from './stores/changeLog'
import { capturedSeq } from './sync/status'
import type { EventName, JournalEvents } from '../../shared/contract'
import type { CoreContext, HostCapabilities } from './context'

import { releaseAllFiles } from './archive/files/grants'
import { abandonAllUploads } from './archive/files/uploads'
import { startSyncSession, stopSyncSession } from './sync/session'

// The core's public face: hosts (src/hosts, the Electron files in src/main) import only this
// file, so the folders below can be rearranged without touching them (eslint.config.mjs).
export { StorageUnavailableError } from './db/errors'
export { DB_FILE_NAME, type OpeningStep } from './db/connection'
export { defaultDataDir } from './paths'
export { JournalFailure, type HostCapabilities } from './context'
export type { Dispatch } from './dispatch'
export { changesSince, lastChange, type Change } from './stores/changeLog'
// Files the hosts hand to the core and receive from it (the browser host over HTTP).
export {
  claimFile,
  grantFile,
  safeFileName,
  sweepTemporaryFolders,
  temporaryFolder
} from './archive/files/grants'
export { DEFAULT_LIMITS, formatBytes } from './archive/files/limits'
export { MAX_UPLOADS_AT_ONCE } from './archive/files/uploads'
// What the desktop app does around a session: preferences and window, backups at start.
export { readSettings, readWindowState, saveWindowState, type WindowState } from './settings/settings'
export { backupIfDue } from './backup/daily'
export { newestGoodBackup, replaceJournalFile } from './backup/restore'
export { snippetText } from './search/snippet'

/** Removes every temporary file this process holds (uploads, finished exports): it is closing. */
export function releaseTemporaryFiles(): void {
  abandonAllUploads()
  releaseAllFiles()
}

export interface Core {
  db: Db
  dataDir: string
  dispatch: Dispatch
  close(): void
}

export interface CoreOptions extends OpenOptions {
  dataDir: string
  version: string
  emit?: <E extends EventName>(event: E, payload: JournalEvents[E]) => void
  host?: HostCapabilities
  /**
   * For hosts that answer a UI from this thread (Electron main, the browser host): a write that
   * finds the journal locked (an import runs in a worker for many seconds) fails after a few
   * milliseconds instead of freezing the UI for the 5 s busy timeout; the UI keeps the change and
   * retries. The CLI can afford to wait and leaves this off.
   */
  interactive?: boolean
}

/** How long an interactive host's write may wait for a lock before answering "busy". */
export const INTERACTIVE_BUSY_TIMEOUT_MS = 40

/**
 * The app's hosts open the journal every day or so: there, the change log loses what no reader
 * needs (the command line never waits on it). A journal locked by a running import keeps it
 * for the next start.
 */
function trimChangesAtStart(db: Db): void {
  try {
    trimChangeLog(db, capturedSeq(db))
  } catch (err) {
    if (!String((err as { code?: string }).code).startsWith('SQLITE_BUSY')) throw err
  }
}

/** Opens the journal and returns the one dispatcher every host (Electron, web, CLI) calls. */
export async function openCore(options: CoreOptions): Promise<Core> {
  // Lexical (loaded later, for conversions and sync, here and in the import threads) picks its
  // development build, with checks that cost a fifth of an HTML conversion's time, unless
  // NODE_ENV says production; no host of ours sets it. One already set (vitest's) stays.
  process.env.NODE_ENV ??= 'production'
  const db = await openJournal(options.dataDir, options)
  // The app's sessions are marked open until closed: one left open means it did not close.
  const endSession = options.checkIntegrity === 'when-due' ? beginSession(options.dataDir) : () => {}
  if (options.interactive) {
    db.pragma(`busy_timeout = ${INTERACTIVE_BUSY_TIMEOUT_MS}`)
    trimChangesAtStart(db)
  }
  const emit = options.emit ?? (() => {})
  const ctx: CoreContext = {
    db,
    dataDir: options.dataDir,
    version: options.version,
    host: options.host ?? {},
    nativeBinding: options.nativeBinding,
    emit
  }
  const handle = createDispatch(handlers, ctx)
  const checkpoints = checkpointWhenIdle(db)
  // `data.changed` comes from the change log alone, once a call's writes are committed.
  const changes = changeAnnouncer(db, (payload) => emit('data.changed', payload))
  const dispatch: Dispatch = async (channel, payload) => {
    try {
      return await handle(channel, payload)
    } finally {
      changes.announce()
      checkpoints.touch()
    }
  }
  ctx.dispatch = dispatch
  // The app's hosts sync by themselves while open; a command-line call never does.
  if (options.interactive) startSyncSession(ctx)
  const close = () => {
    checkpoints.stop()
    stopSyncSession(db)
    db.close()
    endSession()
  }
  return { db, dataDir: options.dataDir, dispatch, close }
}
