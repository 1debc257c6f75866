import { z } from 'zod'
import { channel } from './define'
import type { DataKind } from '../domain'
import type { SyncStatus } from './sync'

export interface AppInfo {
  version: string
  dataDir: string
  /** True when the journal holds no reviews, screenings or works: the first-run screen shows. */
  isEmpty: boolean
  hasSample: boolean
}

export interface IntegrityReport {
  ok: boolean
  /** Lines from `PRAGMA quick_check`, foreign key check and FTS consistency ("ok" when clean). */
  problems: string[]
  counts: Record<'works' | 'reviews' | 'screenings' | 'responses' | 'revisions', number>
}

const none = z.object({}).strict().optional()
const flushedInput = z.object({ requestId: z.string().min(1).max(100) }).strict()

export const appChannels = {
  'app.info': channel<typeof none, AppInfo>(none),
  'app.check': channel<typeof none, IntegrityReport>(none),
  'sample.load': channel<typeof none, { reviews: number; screenings: number; responses: number }>(none),
  'sample.remove': channel<typeof none, { removed: number }>(none),
  /** The renderer's answer to a `flush` command: every pending save is written. */
  'app.flushed': channel<typeof flushedInput, { received: true }>(flushedInput)
}

export interface TaskProgress {
  taskId: string
  label: string
  done: number
  total: number | null
  /**
   * What `done` and `total` count: `bytes` of the file read so far, from a reader that cannot
   * know its item count before the end (a WordPress export); items when absent.
   */
  unit?: ProgressUnit
}

export type ProgressUnit = 'bytes'

/** Actions the desktop shell's menu (or an opened file) asks the renderer to perform. */
export type AppCommand =
  | { command: 'new-review' }
  | { command: 'log-screening' }
  | { command: 'search' }
  /** `file`: an archive opened from the desktop, already granted to the archive channels by id. */
  | { command: 'import'; path?: string; file?: { fileId: string; name: string } }
  | { command: 'export' }
  | { command: 'preferences' }
  | { command: 'backups' }
  /** Write every pending save now, then answer with `app.flushed` (before closing or quitting). */
  | { command: 'flush'; requestId: string }

/** A step of opening the journal that may take a while on a large one (the desktop app shows it). */
export interface OpeningStep {
  what: 'check' | 'migrate'
  /** What it does, in words: "Checking the journal for damage". */
  label: string
  /** Steps done before this one, of `total`. */
  done: number
  total: number
}

/** Events pushed from main to the renderer. */
export interface JournalEvents {
  'data.changed': { kinds: DataKind[] }
  'task.progress': TaskProgress
  'app.command': AppCommand
  /** To the window that shows the journal being opened, before each long step. */
  'app.opening': OpeningStep
  /** Sync's status, whenever a round starts or ends or its settings change. */
  'sync.status': SyncStatus
}
export type EventName = keyof JournalEvents

/** The event names at run time, for the bridges to subscribe with. */
export const EVENT_NAMES = [
  'data.changed',
  'task.progress',
  'app.command',
  'app.opening',
  'sync.status'
] as const satisfies readonly EventName[]
