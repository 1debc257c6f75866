import type { Db } from './connection'

/** How long the journal must go without a request before the write-ahead log is checkpointed. */
export const CHECKPOINT_IDLE_MS = 250
/**
 * SQLite's own automatic checkpoint, kept only as a bound: past this many pages of log (64 MB)
 * a commit checkpoints by itself, so a stretch of writes with no pause cannot grow it further.
 */
export const CHECKPOINT_BACKSTOP_PAGES = 16_384

/**
 * Copies the write-ahead log into the database file when the journal is idle, instead of inside
 * the commit of whichever save happens to cross SQLite's 1,000-page mark. Autosaves come at
 * least 600 ms apart, so the copy runs between them and no save waits for it. Durability is
 * unchanged: a save is on disk once its commit returns, checkpointed or not.
 */
export function checkpointWhenIdle(db: Db): { touch(): void; stop(): void } {
  db.pragma(`wal_autocheckpoint = ${CHECKPOINT_BACKSTOP_PAGES}`)
  let timer: ReturnType<typeof setTimeout> | null = null
  const run = () => {
    timer = null
    try {
      // PASSIVE never waits for an import's write or anyone's read; what it cannot copy now the
      // next pause copies.
      db.pragma('wal_checkpoint(PASSIVE)')
    } catch {
      // A closed or read-only journal has nothing to checkpoint.
    }
  }
  return {
    touch() {
      if (timer) clearTimeout(timer)
      timer = setTimeout(run, CHECKPOINT_IDLE_MS)
      timer.unref?.()
    },
    stop() {
      if (timer) clearTimeout(timer)
      timer = null
    }
  }
}
