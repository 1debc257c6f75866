import { dialog } from 'electron'
import {
  backupIfDue,
  newestGoodBackup,
  openCore,
  replaceJournalFile,
  StorageUnavailableError,
  type Core,
  type CoreOptions,
  type OpeningStep
} from './core'
import type { OpeningWindow } from './openingWindow'

const HOUR_MS = 60 * 60 * 1000

/**
 * Opens the journal, with the integrity check when it is due (weekly, or after a session that
 * did not close) and any update the new version needs, each shown in `opening` on a large
 * journal. A file too damaged to open at all gets a plain question: restore the newest good
 * backup (the damaged file is kept aside) or quit. A file that opens but fails `quick_check`
 * opens read-only; the renderer shows the banner. Returns null when the app should quit.
 */
export async function openJournalForApp(options: CoreOptions, opening: OpeningWindow): Promise<Core | null> {
  const onProgress = (step: OpeningStep) => opening.show(step)
  try {
    return await openCore({ ...options, checkIntegrity: 'when-due', interactive: true, onProgress })
  } catch (err) {
    const message = err instanceof StorageUnavailableError ? err.message : String(err)
    const backup = newestGoodBackup(options.dataDir)
    if (!backup) {
      dialog.showErrorBox('Review Journal cannot open its journal', message)
      return null
    }
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: 'Review Journal cannot open its journal',
      message: 'Your journal file is damaged and cannot be opened.',
      detail: `${message}\n\nThe newest good backup is from ${new Date(backup.createdAt).toLocaleString()}. Restoring it keeps the damaged file beside it, renamed.`,
      buttons: ['Restore That Backup', 'Quit'],
      defaultId: 0,
      cancelId: 1
    })
    if (response !== 0) return null
    replaceJournalFile(options.dataDir, backup.name)
    // A restored backup is checked whatever the schedule says.
    return openCore({ ...options, checkIntegrity: true, interactive: true, onProgress })
  }
}

/** Takes the day's backup now if due, then checks every hour while the app runs. */
export function startDailyBackups(core: Core): () => void {
  const check = () =>
    void backupIfDue(core.db, core.dataDir).catch((err) =>
      console.error('[backup] daily backup failed:', err)
    )
  check()
  const timer = setInterval(check, HOUR_MS)
  timer.unref?.()
  return () => clearInterval(timer)
}
