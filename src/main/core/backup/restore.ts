import Database from 'better-sqlite3'
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { DB_FILE_NAME, journalHealth, quickCheck, setJournalHealth, type Db } from '../db/connection'
import { runMigrations } from '../db/migrate'
import { MIGRATIONS } from '../db/migrations'
import { JournalFailure } from '../context'
import { backupFolder, backupJournal, listBackups, parseBackupName } from './backups'
import type { BackupInfo, RestoreResult } from '../../../shared/contract/backup'
import { lastChange, recordRestore } from '../stores/changeLog'

/**
 * Why a backup cannot be restored, or null when it can: it must pass `quick_check` and have been
 * written by this version of the app or an older one (its migrations a prefix of ours).
 */
export function backupProblem(file: string): string | null {
  if (!existsSync(file)) return 'That backup no longer exists.'
  let copy: Database.Database | undefined
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true })
    const problems = quickCheck(copy)
    if (problems.length) return `That backup is damaged too (${problems[0]}).`
    const applied = copy.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all() as {
      id: number
      name: string
    }[]
    const known = applied.every((row, i) => MIGRATIONS[i]?.id === row.id && MIGRATIONS[i]?.name === row.name)
    if (!known) return 'That backup was made by a newer version of Review Journal.'
    return null
  } catch (err) {
    return `That backup cannot be read (${(err as Error).message}).`
  } finally {
    copy?.close()
  }
}

/** The newest backup that would restore cleanly, or null. */
export function newestGoodBackup(dataDir: string): BackupInfo | null {
  return listBackups(dataDir).find((b) => backupProblem(join(backupFolder(dataDir), b.name)) === null) ?? null
}

function requireRestorable(dataDir: string, name: string): { info: BackupInfo; file: string } {
  const info = listBackups(dataDir).find((b) => b.name === name && parseBackupName(name))
  if (!info) throw new JournalFailure('NOT_FOUND', `There is no backup called ${name}.`)
  const file = join(backupFolder(dataDir), name)
  const problem = backupProblem(file)
  if (problem) throw new JournalFailure('CONFLICT', problem)
  return { info, file }
}

/**
 * Restores a backup over the open journal, in place: first the current file is itself backed up
 * (unless it is damaged), then SQLite's backup API copies the chosen file into the journal, so
 * every connection sees the restored data at once; older schemas are migrated forward.
 */
export async function restoreBackup(db: Db, dataDir: string, name: string): Promise<RestoreResult> {
  const { info, file } = requireRestorable(dataDir, name)
  const damaged = journalHealth(db).damaged
  const safetyCopy = damaged ? null : await backupJournal(db, dataDir, 'before-restore')
  // A damaged journal may have no readable log; the stream then continues from the backup's.
  const previousSeq = damaged ? 0 : safeLastChange(db)
  const source = new Database(file, { readonly: true, fileMustExist: true })
  // Fail fast instead of blocking the process if something writes during the copy.
  const timeout = db.pragma('busy_timeout', { simple: true }) as number
  db.pragma('busy_timeout = 0')
  try {
    await source.backup(join(dataDir, DB_FILE_NAME), { progress: () => 0x7fffffff })
  } catch (err) {
    throw new JournalFailure(
      'CONFLICT',
      `The backup could not be restored, and the journal is unchanged: ${(err as Error).message}`
    )
  } finally {
    source.close()
    db.pragma(`busy_timeout = ${timeout}`)
  }
  const problems = quickCheck(db)
  setJournalHealth(db, { damaged: problems.length > 0, problems })
  if (problems.length === 0) {
    db.pragma('journal_mode = WAL')
    await runMigrations(db, { existed: true, dataDir })
    // Everything may have changed: the change stream says so, kind by kind, after its own end.
    recordRestore(db, previousSeq, [
      'reviews',
      'revisions',
      'works',
      'screenings',
      'responses',
      'tags',
      'settings'
    ])
  }
  return { restored: info, safetyCopy }
}

/** The change stream's end, or 0 when this journal predates it (its migration has not run). */
function safeLastChange(db: Db): number {
  try {
    return lastChange(db)
  } catch {
    return 0
  }
}

/**
 * For a journal file too damaged to open at all: moves it aside (kept, renamed `.damaged-…`) and
 * puts a copy of the backup in its place. The journal must not be open.
 */
export function replaceJournalFile(dataDir: string, name: string): BackupInfo {
  const { info, file } = requireRestorable(dataDir, name)
  const target = join(dataDir, DB_FILE_NAME)
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(target + suffix)) renameSync(target + suffix, `${target}.damaged-${stamp}${suffix}`)
  }
  copyFileSync(file, `${target}.restoring`)
  renameSync(`${target}.restoring`, target)
  rmSync(`${target}.restoring`, { force: true })
  return info
}
