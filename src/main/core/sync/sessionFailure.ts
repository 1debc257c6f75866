import { JournalFailure } from '../context'
import { SyncFailure } from './errors'

/**
 * A failed round in words a critic can act on, for the status (Preferences and the sidebar's
 * mark). The engine's own refusals already say what is wrong and that nothing was applied.
 */
export function describeRoundFailure(err: unknown): { code: string; message: string } {
  if (err instanceof SyncFailure || err instanceof JournalFailure)
    return { code: err.code, message: err.message }
  const code = (err as { code?: unknown }).code
  if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code))
    return {
      code: 'BUSY',
      message: 'The journal was busy (an import or a restore was running): sync tries again shortly.'
    }
  if (typeof code === 'string' && /^E(ACCES|PERM|ROFS)$/.test(code))
    return {
      code: 'FOLDER_UNWRITABLE',
      message: 'The sync folder cannot be written to: check that this computer may write there.'
    }
  // The round's writes are one transaction: a journal that cannot grow keeps everything as it was.
  if (typeof code === 'string' && code.startsWith('SQLITE_FULL'))
    return {
      code: 'DISK_FULL',
      message: 'The disk holding the journal is full: nothing was applied. Free some space; sync tries again.'
    }
  if (code === 'ENOSPC')
    return { code: 'DISK_FULL', message: 'The disk holding the sync folder is full: nothing more was sent.' }
  console.error('[sync] round failed:', err)
  return {
    code: 'INTERNAL',
    message: `Sync stopped on an unexpected error (${(err as Error)?.message ?? String(err)}). Nothing was lost; it will try again.`
  }
}
