import { BrowserWindow, shell } from 'electron'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import type { OpeningStep } from './core'
import { IPC_EVENT } from '../shared/bridge'
import { APP_ORIGIN, lockNavigation, openExternalOnce, secureWebPreferences } from './security'

/**
 * Below this size a due check or a migration takes well under 200 ms (`quick_check` reads about
 * 27 MB a second here), so a window would only flash: the journal just opens.
 */
export const SHOW_FOR_JOURNALS_OVER_BYTES = 5 * 1024 * 1024

/**
 * A small window that says what opening the journal is doing (a due check, an update after an
 * app update) while it holds the main thread, so a large journal never opens to nothing.
 */
export class OpeningWindow {
  private window: BrowserWindow | null = null

  constructor(private readonly journalFile: string) {}

  /** Shows the step, opening the window for the first one on a large journal; waits until it is drawn. */
  async show(step: OpeningStep): Promise<void> {
    if (!this.window) {
      if (fileSize(this.journalFile) < SHOW_FOR_JOURNALS_OVER_BYTES) return
      this.window = new BrowserWindow({
        width: 440,
        height: 210,
        resizable: false,
        minimizable: false,
        maximizable: false,
        show: false,
        title: 'Opening Review Journal',
        webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs'))
      })
      lockNavigation(
        this.window.webContents,
        openExternalOnce((url) => void shell.openExternal(url))
      )
      await this.window.loadURL(`${APP_ORIGIN}/opening.html`)
      this.window.show()
    }
    this.window.webContents.send(IPC_EVENT, 'app.opening', step)
    // The step is about to hold this thread: give the window a frame to draw it in first.
    await new Promise((resolve) => setTimeout(resolve, 50))
  }

  /** Closes the window, once the journal's own window is there to take its place. */
  close(): void {
    if (this.window && !this.window.isDestroyed()) this.window.destroy()
    this.window = null
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}
