import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron'
import type { HostCapabilities } from './core'

/**
 * The desktop's own open and save dialogs, handed to the core so imports read and exports write
 * exactly the file the critic chose, with no temporary copy in between. Each dialog is modal to
 * the journal's window when there is one.
 */
export function nativeFileDialogs(getWindow: () => BrowserWindow | null): HostCapabilities {
  const parent = () => {
    const window = getWindow()
    return window && !window.isDestroyed() ? window : null
  }
  return {
    async pickOpenPath({ title, filters, directory }) {
      const options: OpenDialogOptions = {
        title,
        filters: directory ? undefined : filters,
        // A folder to sync through may not exist yet: let the critic make one there (macOS).
        properties: directory ? ['openDirectory', 'createDirectory'] : ['openFile']
      }
      const window = parent()
      const { canceled, filePaths } = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options)
      return canceled || !filePaths[0] ? null : filePaths[0]
    },
    async pickSavePath({ title, defaultName, filters }) {
      const options: SaveDialogOptions = {
        title,
        defaultPath: defaultName,
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation']
      }
      const window = parent()
      const { canceled, filePath } = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options)
      return canceled || !filePath ? null : filePath
    }
  }
}
