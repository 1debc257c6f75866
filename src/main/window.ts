import { BrowserWindow, shell } from 'electron'
import { join } from 'node:path'
import { APP_ORIGIN, lockNavigation, secureWebPreferences } from './security'

/** The journal's one window, locked down and loading the app from its own protocol. */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Review Journal',
    backgroundColor: '#1b1b1f',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs'))
  })
  lockNavigation(window.webContents, (url) => void shell.openExternal(url))
  window.once('ready-to-show', () => window.show())
  void window.loadURL(`${APP_ORIGIN}/index.html`)
  return window
}
