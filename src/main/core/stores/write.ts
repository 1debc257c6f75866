import type { Db } from '../db/connection'

/**
 * Runs a store's write and its change-log rows as one transaction: inside the caller's when
 * there is one (no savepoint: an import writes tens of thousands of rows), else its own.
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.inTransaction ? fn() : db.transaction(fn)()
}
