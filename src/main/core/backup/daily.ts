import type { Db } from '../db/connection'
import { journalHealth } from '../db/connection'
import { readSettings } from '../settings/settings'
import { backupJournal, listBackups } from './backups'
import type { BackupInfo } from '../../../shared/contract/backup'

const DAY_MS = 24 * 60 * 60 * 1000

/** True when daily backups are on and none was taken in the last 24 hours. */
export function dailyBackupDue(db: Db, dataDir: string, now: Date = new Date()): boolean {
  if (!readSettings(db).dailyBackups || journalHealth(db).damaged) return false
  const last = listBackups(dataDir).find((b) => b.reason === 'daily')
  return !last || now.getTime() - Date.parse(last.createdAt) >= DAY_MS
}

/** Takes the day's backup if one is due; hosts call this at start and then every hour. */
export async function backupIfDue(
  db: Db,
  dataDir: string,
  now: Date = new Date()
): Promise<BackupInfo | null> {
  return dailyBackupDue(db, dataDir, now) ? backupJournal(db, dataDir, 'daily', now) : null
}
