import { cachedStatement, type Db } from '../db/connection'
import { recordChange } from './changeLog'
import { inTransaction } from './write'

/**
 * Keys that describe this machine rather than the journal (where the window was): no screen
 * shows them and sync must not carry them to another computer, so they are not recorded.
 */
const MACHINE_KEYS = new Set(['window.state'])

/**
 * The one writer of `settings`: one JSON value per key. A key always has a value (the defaults
 * stand in for a missing one), so every write is recorded as an update of that key.
 */
export function writeSetting(db: Db, key: string, value: unknown): void {
  inTransaction(db, () => {
    cachedStatement(
      db,
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
    ).run(key, JSON.stringify(value))
    if (!MACHINE_KEYS.has(key)) recordChange(db, 'settings', key, 'update')
  })
}
