import { dialog } from 'electron'
import {
  backupIfDue,
  newestGoodBackup,
  openCore,
  replaceJournalFile,
  StorageUnavailableError,
  type Core,
  type CoreOptions
} from './core'

const HOUR_MS = 60 * 60 * 1000

/**
 * Opens the journal with the start-up integrity check. A file too damaged to open at all gets a
 * plain question: restore the newest good backup (the damaged file is kept aside) or quit.
 * A file that opens but fails `quick_check` opens read-only; the renderer shows the banner.
 * Returns null when the app should quit.
 */
export async function openJournalForApp(options: CoreOptions): Promise<Core | null> {
  try {
    return await openCore({ ...options, checkIntegrity: true, interactive: true })
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
    return openCore({ ...options, checkIntegrity: true, interactive: true })
  }
}

/** Takes the day's backup now if due, then checks every hour while the app runs. */
export function startDailyBackups(core: Core): () => void {
  const check = () =>
    void backupIfDue(core.db, core.dataDir).catch((err) => console.error('[backup] daily backup failed:', err))
  check()
  const timer = setInterval(check, HOUR_MS)
  timer.unref?.()
  return () => clearInterval(timer)
}
