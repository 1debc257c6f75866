import { app, dialog, session, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import { existsSync } from 'node:fs'
import { openCore, StorageUnavailableError, type Core } from './core'
import { registerAppScheme, serveRenderer } from './protocol'
import { denyAllPermissions, enforceContentSecurityPolicy, lockNavigation } from './security'
import { bindIpc } from './ipc'
import { IPC_EVENT } from '../shared/bridge'
import { createMainWindow } from './window'

let window: BrowserWindow | null = null
let core: Core | null = null

registerAppScheme()

/** better-sqlite3 built for Electron's ABI, when `npm start` / packaging prepared one. */
function electronNativeBinding(): string | undefined {
  const candidates = [
    join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node'),
    join(app.getAppPath(), '.electron-sqlite', 'better_sqlite3.node')
  ]
  return candidates.find((file) => existsSync(file))
}

app.on('web-contents-created', (_event, contents) => lockNavigation(contents, () => {}))

app.whenReady().then(async () => {
  denyAllPermissions(session.defaultSession)
  enforceContentSecurityPolicy(session.defaultSession)
  serveRenderer(join(__dirname, '../renderer'))
  try {
    core = await openCore({
      dataDir: app.getPath('userData'),
      version: app.getVersion(),
      nativeBinding: electronNativeBinding(),
      emit: (event, payload) => window?.webContents.send(IPC_EVENT, event, payload)
    })
  } catch (err) {
    const message = err instanceof StorageUnavailableError ? err.message : String(err)
    dialog.showErrorBox('Review Journal cannot open its journal', message)
    app.exit(1)
    return
  }
  bindIpc(core.dispatch, () => window)
  window = createMainWindow()
  window.on('closed', () => (window = null))
})

app.on('window-all-closed', () => app.quit())
app.on('will-quit', () => core?.close())
