import type { Db } from './db/connection'
import type { ErrorCode, EventName, JournalEvents } from '../../shared/contract'
import type { Dispatch } from './dispatch'

export interface FileFilter {
  name: string
  extensions: string[]
}

/**
 * What only some hosts can do. Electron supplies native dialogs; the browser host and the CLI
 * leave them out, and the renderer falls back to a file input and a download.
 */
export interface HostCapabilities {
  pickOpenPath?(options: {
    title: string
    filters: FileFilter[]
    directory?: boolean
  }): Promise<string | null>
  pickSavePath?(options: {
    title: string
    defaultName: string
    filters: FileFilter[]
  }): Promise<string | null>
}

/** What every handler is given: the open journal, where it lives, and a way to push events. */
export interface CoreContext {
  db: Db
  dataDir: string
  version: string
  host: HostCapabilities
  /** better-sqlite3's native module when not the Node build, for workers opening their own connection. */
  nativeBinding?: string
  emit<E extends EventName>(event: E, payload: JournalEvents[E]): void
  /** The dispatcher itself, for work the core starts on its own (automatic sync): validated and announced like a host's call. */
  dispatch?: Dispatch
}

/**
 * Thrown by core code to fail a call with a code the UI can act on. The dispatcher turns it
 * into `{ ok: false, error }`; anything else thrown becomes INTERNAL.
 */
export class JournalFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>
  ) {
    super(message)
  }
}

export function notFound(what: string, id: string): JournalFailure {
  return new JournalFailure('NOT_FOUND', `No ${what} with id ${id} exists in this journal.`)
}
