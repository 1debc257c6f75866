import Database from 'better-sqlite3'
import { existsSync, mkdirSync, accessSync, constants } from 'node:fs'
import { join } from 'node:path'
import { runMigrations } from './migrate'
import { StorageUnavailableError } from './errors'

export { StorageUnavailableError }

export type Db = Database.Database

export const DB_FILE_NAME = 'journal.sqlite'


export interface OpenOptions {
  /** Where better-sqlite3's native module lives when it is not the Node build (Electron). */
  nativeBinding?: string
}

/**
 * Opens (creating if needed) the journal in `dataDir`: WAL, foreign keys, a busy timeout,
 * `synchronous=FULL` so a save that returned survives a power cut, then brings the schema up
 * to date. Any failure becomes one StorageUnavailableError naming the folder.
 */
export async function openJournal(dataDir: string, options: OpenOptions = {}): Promise<Db> {
  try {
    mkdirSync(dataDir, { recursive: true })
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
    db = new Database(file, { nativeBinding: options.nativeBinding })
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    await runMigrations(db, { existed, dataDir })
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
    throw new StorageUnavailableError(
      `The journal at ${file} could not be opened: ${(err as Error).message}`
    )
  }
}

/** Runs `fn` in one synchronous transaction: it lands whole or not at all. */
export function transaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn)()
}
