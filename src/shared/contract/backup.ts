import { z } from 'zod'
import { channel } from './define'

/** Why a backup was taken; the reason is the first part of its file name. */
export const BACKUP_REASONS = [
  'daily',
  'manual',
  'before-import',
  'before-migration',
  'before-restore'
] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

/** A backup file name as the journal writes it: `<reason>-<UTC stamp>[-n].sqlite`, nothing else. */
export const BACKUP_NAME_PATTERN =
  /^([a-z]+(?:-[a-z]+)*)-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-(\d+))?\.sqlite$/

/** How much a backup's journal held: what the journal was before the event it was taken for. */
export interface BackupContents {
  reviews: number
  screenings: number
  responses: number
}

export interface BackupInfo {
  /** The file name inside the journal's `backups/` folder. */
  name: string
  reason: BackupReason
  /** ISO timestamp of when the copy was taken. */
  createdAt: string
  bytes: number
}

export interface BackupList {
  /** Newest first, each with what it holds (null when its file cannot be read). */
  backups: (BackupInfo & { contents: BackupContents | null })[]
  folder: string
  /** How many backups are kept before the oldest are removed (a setting). */
  keep: number
}

/** The state of the open journal: damaged files open read-only until a backup is restored. */
export interface JournalHealth {
  damaged: boolean
  readOnly: boolean
  /** What `quick_check` reported, for people (at most a few lines). */
  problems: string[]
  /** The newest backup that passed its own check, offered for restore when damaged. */
  newestGoodBackup: BackupInfo | null
}

export interface RestoreResult {
  restored: BackupInfo
  /** The copy of the journal as it was just before the restore, so a restore can be undone. */
  safetyCopy: BackupInfo | null
}

const none = z.object({}).strict().optional()
const backupName = z
  .object({
    name: z.string().max(200).regex(BACKUP_NAME_PATTERN, 'That is not the name of a journal backup')
  })
  .strict()

export const backupChannels = {
  'backup.list': channel<typeof none, BackupList>(none),
  'backup.create': channel<typeof none, BackupInfo>(none),
  'backup.restore': channel<typeof backupName, RestoreResult>(backupName),
  'backup.health': channel<typeof none, JournalHealth>(none)
}
