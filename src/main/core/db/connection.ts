import Database from 'better-sqlite3'
import { existsSync, accessSync, constants } from 'node:fs'
import { join } from 'node:path'
import { runMigrations } from './migrate'
import { StorageUnavailableError } from './errors'
import { createPrivateFile, makePrivateFolder } from './privateFiles'
import { integrityCheckDue, recordIntegrityCheck } from './checkSchedule'
import type { OpeningStep } from '../../../shared/contract/app'

export type { OpeningStep }

export { StorageUnavailableError }

export type Db = Database.Database

export const DB_FILE_NAME = 'journal.sqlite'

export interface OpenOptions {
  /** Where better-sqlite3's native module lives when it is not the Node build (Electron). */
  nativeBinding?: string
  /**
   * Run `PRAGMA quick_check` before anything else: always, or `'when-due'` (the desktop app: a
   * week after the last check or after a session that did not close; see checkSchedule.ts). A
   * damaged file then opens read-only (`query_only`) with no migration run, and `journalHealth`
   * says so.
   */
  checkIntegrity?: boolean | 'when-due'
  /**
   * Told before each long step of opening (the check, each migration), and awaited: a host can
   * show what is happening and let it be drawn before the step holds the thread.
   */
  onProgress?(step: OpeningStep): void | Promise<void>
}

/** Whether the open journal passed its start-up check; damaged journals refuse every write. */
export interface OpenHealth {
  damaged: boolean
  problems: string[]
}

const healthOf = new WeakMap<Db, OpenHealth>()

/** The result of the start-up check for `db` (healthy when none was run). */
export function journalHealth(db: Db): OpenHealth {
  return healthOf.get(db) ?? { damaged: false, problems: [] }
}

/** Records a new health state, e.g. once a good backup was restored over a damaged file. */
export function setJournalHealth(db: Db, health: OpenHealth): void {
  healthOf.set(db, health)
  db.pragma(`query_only = ${health.damaged ? 'ON' : 'OFF'}`)
}

/** `PRAGMA quick_check`'s complaints (empty when the file is sound); a corrupt schema is one. */
export function quickCheck(db: Db): string[] {
  try {
    const rows = db.pragma('quick_check(20)') as { quick_check: string }[]
    return rows.map((r) => r.quick_check).filter((line) => line !== 'ok')
  } catch (err) {
    // Not a database at all: there is nothing to show read-only, so opening fails as before.
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw err
    return [(err as Error).message]
  }
}

/**
 * Opens (creating if needed) the journal in `dataDir`: WAL, foreign keys, a busy timeout,
 * `synchronous=FULL` so a save that returned survives a power cut, then brings the schema up
 * to date. Any failure becomes one StorageUnavailableError naming the folder.
 */
export async function openJournal(dataDir: string, options: OpenOptions = {}): Promise<Db> {
  try {
    makePrivateFolder(dataDir)
    accessSync(dataDir, constants.W_OK)
  } catch {
    throw new StorageUnavailableError(
      `The data folder ${dataDir} cannot be written to. Choose another folder or fix its permissions.`
    )
  }
  const file = join(dataDir, DB_FILE_NAME)
  const existed = existsSync(file)
  let db: Db | undefined
  try {
    if (!existed) createPrivateFile(file)
    db = new Database(file, { nativeBinding: options.nativeBinding })
    const check =
      existed &&
      (options.checkIntegrity === 'when-due'
        ? integrityCheckDue(dataDir).due
        : Boolean(options.checkIntegrity))
    if (check)
      await options.onProgress?.({
        what: 'check',
        label: 'Checking the journal for damage',
        done: 0,
        total: 1
      })
    const problems = check ? quickCheck(db) : []
    if (check && problems.length === 0) recordIntegrityCheck(dataDir)
    if (problems.length > 0) {
      db.pragma('busy_timeout = 5000')
      setJournalHealth(db, { damaged: true, problems })
      return db
    }
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    await runMigrations(db, { existed, dataDir, onProgress: options.onProgress })
    return db
  } catch (err) {
    db?.close()
    if (err instanceof StorageUnavailableError) throw err
    const reason = (err as { code?: string }).code
    if (reason === 'SQLITE_NOTADB' || reason === 'SQLITE_CORRUPT') {
      throw new StorageUnavailableError(
        `${file} is not a Review Journal database (or it is damaged). Move it aside or choose another data folder.`
      )
    }
    throw new StorageUnavailableError(`The journal at ${file} could not be opened: ${(err as Error).message}`)
  }
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>()

/**
 * The statement for `sql`, prepared once per connection. For lookups that run once per imported
 * row: preparing is a large share of their cost.
 */
export function cachedStatement(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db)
  if (!cache) statements.set(db, (cache = new Map()))
  let statement = cache.get(sql)
  if (!statement) cache.set(sql, (statement = db.prepare(sql)))
  return statement
}

/** Runs `fn` in one synchronous transaction: it lands whole or not at all. */
export function transaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn)()
}
