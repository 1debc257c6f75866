import { BrowserWindow, shell, type Rectangle } from 'electron'
import { join } from 'node:path'
import { APP_ORIGIN, lockNavigation, openExternalOnce, secureWebPreferences } from './security'
import { DEFAULT_SIZE } from './windowState'
// electron-vite resolves this to resources/icon.png from the bundle's folder; installers unpack
// resources/ beside app.asar, and Electron reads it through the app.asar path.
import icon from '../../resources/icon.png?asset'

export interface WindowPlacement {
  bounds?: Partial<Rectangle>
  maximized?: boolean
  fullScreen?: boolean
  /** Window background while the page loads, matching the theme to avoid a white flash. */
  backgroundColor?: string
}

/** The journal's one window, locked down and loading the app from its own protocol. */
export function createMainWindow(placement: WindowPlacement = {}): BrowserWindow {
  const window = new BrowserWindow({
    ...DEFAULT_SIZE,
    ...placement.bounds,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Review Journal',
    backgroundColor: placement.backgroundColor ?? '#1b1b1f',
    // macOS and Windows take the icon from the app bundle; Linux needs it on the window.
    ...(process.platform === 'linux' ? { icon } : {}),
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs'))
  })
  lockNavigation(
    window.webContents,
    openExternalOnce((url) => void shell.openExternal(url))
  )
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize()
    if (placement.fullScreen) window.setFullScreen(true)
    window.show()
  })
  void window.loadURL(`${APP_ORIGIN}/index.html`)
  return window
}
