import type { Db } from '../db/connection'
import type { JournalEvents } from '../../../shared/contract'
import { changedKindsSince, lastChange } from './changeLog'

export interface ChangeAnnouncer {
  /** Announces what the change log gained since the last call, if anything; safe to call often. */
  announce(): void
}

/**
 * Turns the change log into `data.changed` events: the dispatcher calls `announce` after every
 * call, once its writes are committed. Reading the log (not the handler's own idea of what it
 * did) also catches writes made on other connections, such as an import's worker thread.
 */
export function changeAnnouncer(
  db: Db,
  emit: (payload: JournalEvents['data.changed']) => void
): ChangeAnnouncer {
  let announced = streamEnd(db) ?? 0
  return {
    announce() {
      // A small import holds this connection's transaction open across awaits: its rows are not
      // committed yet, and a rollback would take them back. Its own call announces them.
      if (!db.open || db.inTransaction) return
      const end = streamEnd(db)
      if (end === null || end === announced) return
      // A backup restored without its reset rows (it came back damaged) can end the log lower.
      if (end < announced) {
        announced = end
        return
      }
      const { kinds } = changedKindsSince(db, announced)
      announced = end
      if (kinds.length) emit({ kinds })
    }
  }
}

/**
 * The log's end, or null when it cannot be read: a damaged journal opens read-only without its
 * migrations (it may predate the log) and may fail any query. Announcing never fails a call.
 */
function streamEnd(db: Db): number | null {
  try {
    return lastChange(db)
  } catch {
    return null
  }
}
