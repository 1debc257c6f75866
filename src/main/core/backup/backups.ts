import Database from 'better-sqlite3'
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from '../db/connection'
import { createPrivateFile, makePrivateFolder } from '../db/privateFiles'
import { readSettings } from '../settings/settings'
import {
  BACKUP_NAME_PATTERN,
  BACKUP_REASONS,
  type BackupInfo,
  type BackupReason
} from '../../../shared/contract/backup'

/** The folder beside the journal that holds its backups. */
export function backupFolder(dataDir: string): string {
  return join(dataDir, 'backups')
}

/** Reads what a backup's file name says about it, or null for any other file. */
export function parseBackupName(name: string): Omit<BackupInfo, 'bytes'> | null {
  const match = BACKUP_NAME_PATTERN.exec(name)
  if (!match || !(BACKUP_REASONS as readonly string[]).includes(match[1])) return null
  const [date, time] = match[2].split('T')
  const [h, m, s, ms] = time.replace('Z', '').split('-')
  const createdAt = `${date}T${h}:${m}:${s}.${ms}Z`
  if (Number.isNaN(Date.parse(createdAt))) return null
  return { name, reason: match[1] as BackupReason, createdAt }
}

/** Every backup in the folder, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const folder = backupFolder(dataDir)
  if (!existsSync(folder)) return []
  const backups: BackupInfo[] = []
  for (const name of readdirSync(folder)) {
    const info = parseBackupName(name)
    if (!info) continue
    try {
      backups.push({ ...info, bytes: statSync(join(folder, name)).size })
    } catch {
      // Removed while we listed: not a backup any more.
    }
  }
  return backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name))
}

function uniqueName(folder: string, reason: BackupReason, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-')
  let name = `${reason}-${stamp}.sqlite`
  for (let n = 2; existsSync(join(folder, name)); n++) name = `${reason}-${stamp}-${n}.sqlite`
  return name
}

/**
 * Copies the open journal into `backups/` with SQLite's online backup (safe while the app
 * writes), as one self-contained file, then removes the oldest beyond the "keep" setting.
 * The copy is written under a temporary name and renamed, so a half-written backup never shows.
 */
export async function backupJournal(
  db: Db,
  dataDir: string,
  reason: BackupReason,
  at: Date = new Date()
): Promise<BackupInfo> {
  const folder = backupFolder(dataDir)
  makePrivateFolder(folder)
  const name = uniqueName(folder, reason, at)
  const partial = join(folder, `.partial-${name}`)
  try {
    createPrivateFile(partial)
    await db.backup(partial)
    const copy = new Database(partial)
    try {
      copy.pragma('journal_mode = DELETE')
    } finally {
      copy.close()
    }
    renameSync(partial, join(folder, name))
  } finally {
    rmSync(partial, { force: true })
    rmSync(`${partial}-wal`, { force: true })
    rmSync(`${partial}-shm`, { force: true })
  }
  pruneBackups(dataDir, readSettings(db).backupsToKeep, name)
  return { ...parseBackupName(name)!, bytes: statSync(join(folder, name)).size }
}

/** Removes the oldest backups beyond `keep`, never the one named `spare`. Returns what went. */
export function pruneBackups(dataDir: string, keep: number, spare?: string): string[] {
  const removed: string[] = []
  const backups = listBackups(dataDir).filter((b) => b.name !== spare)
  const room = Math.max(0, keep - (spare ? 1 : 0))
  for (const old of backups.slice(room)) {
    rmSync(join(backupFolder(dataDir), old.name), { force: true })
    removed.push(old.name)
  }
  return removed
}
