import { app, BrowserWindow, dialog, Menu, nativeTheme, powerMonitor, screen, session } from 'electron'
import { join } from 'node:path'
import { existsSync } from 'node:fs'
import { registerAppScheme, serveRenderer } from './protocol'
import { denyAllPermissions, enforceContentSecurityPolicy, guardEveryWebContents } from './security'
import { bindIpc } from './ipc'
import { createMainWindow } from './window'
import { FlushCoordinator, observeFlushAnswers } from './flush'
import { flushBeforeLeaving } from './lifecycle'
import { aboutText, menuTemplate } from './menu'
import { archivePathsFromArgv, OpenedFiles } from './openFiles'
import { currentWindowState, restoredBounds, trackWindowState } from './windowState'
import { openJournalForApp, startDailyBackups } from './journal'
import { OpeningWindow } from './openingWindow'
import { configureOfflineSpellcheck } from './spellcheck'
import {
  DB_FILE_NAME,
  grantFile,
  readSettings,
  readWindowState,
  releaseTemporaryFiles,
  saveWindowState,
  sweepTemporaryFolders,
  type Core,
  type Dispatch
} from './core'
import { nativeFileDialogs } from './dialogs'
import type { AppCommand, EventName, JournalEvents } from '../shared/contract'
import { IPC_EVENT } from '../shared/bridge'

let window: BrowserWindow | null = null
let core: Core | null = null
const openedFiles = new OpenedFiles()

// REVIEW_JOURNAL_DATA_DIR (as for the CLI) keeps the journal and Chromium's profile elsewhere,
// for a second journal or a test run; the single-instance lock is per folder.
if (process.env.REVIEW_JOURNAL_DATA_DIR) app.setPath('userData', process.env.REVIEW_JOURNAL_DATA_DIR)

// One running app per user: a second launch hands its files to the first and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme()
  app.on('second-instance', (_event, argv, cwd) => {
    archivePathsFromArgv(argv, cwd).forEach((file) => openedFiles.add(file))
    if (window) {
      if (window.isMinimized()) window.restore()
      window.focus()
    }
  })
  app.on('open-file', (event, file) => {
    event.preventDefault()
    openedFiles.add(file)
  })
  archivePathsFromArgv(process.argv.slice(1), process.cwd()).forEach((file) => openedFiles.add(file))
  guardEveryWebContents(app)
  app.whenReady().then(start)
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => {
    core?.close()
    releaseTemporaryFiles()
  })
}
markStartup('main-loaded')

/**
 * Start-up's milestones as Node performance marks (`rj:…`), free to set: the start-up bench reads
 * them to say where the time goes between the process starting and the window's first data.
 */
function markStartup(step: string): void {
  performance.mark(`rj:${step}`)
}

/** The dispatcher, marking when each channel's first call from the window has been answered. */
function markingFirstAnswers(dispatch: Dispatch): Dispatch {
  const answered = new Set<string>()
  return async (channel, payload) => {
    const result = await dispatch(channel, payload)
    if (!answered.has(channel)) {
      answered.add(channel)
      markStartup(`answered:${channel}`)
    }
    return result
  }
}

/** better-sqlite3 built for Electron's ABI, when `npm start` / packaging prepared one. */
function electronNativeBinding(): string | undefined {
  const candidates = [
    join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node'),
    join(app.getAppPath(), '.electron-sqlite', 'better_sqlite3.node')
  ]
  return candidates.find((file) => existsSync(file))
}

function send(command: AppCommand): boolean {
  if (!window || window.isDestroyed()) return false
  window.webContents.send(IPC_EVENT, 'app.command', command)
  return true
}

/** Applies the preferences the shell owns: theme and spellcheck. */
function applySettings(open: Core): void {
  const settings = readSettings(open.db)
  nativeTheme.themeSource = settings.theme
  session.defaultSession.setSpellCheckerEnabled(settings.spellcheck)
}

async function start(): Promise<void> {
  markStartup('ready')
  sweepTemporaryFolders()
  denyAllPermissions(session.defaultSession)
  enforceContentSecurityPolicy(session.defaultSession)
  serveRenderer(join(__dirname, '../renderer'))
  const flush = new FlushCoordinator(send)
  const emit = <E extends EventName>(event: E, payload: JournalEvents[E]) => {
    window?.webContents.send(IPC_EVENT, event, payload)
    if (
      event === 'data.changed' &&
      core &&
      (payload as JournalEvents['data.changed']).kinds.includes('settings')
    )
      applySettings(core)
  }
  const opening = new OpeningWindow(join(app.getPath('userData'), DB_FILE_NAME))
  core = await openJournalForApp(
    {
      dataDir: app.getPath('userData'),
      version: app.getVersion(),
      nativeBinding: electronNativeBinding(),
      host: nativeFileDialogs(() => window),
      emit
    },
    opening
  )
  if (!core) {
    opening.close()
    app.exit(1)
    return
  }
  markStartup('journal-open')
  const open = core
  applySettings(open)
  configureOfflineSpellcheck(session.defaultSession, {
    bundledDir: app.isPackaged
      ? join(process.resourcesPath, 'dictionaries')
      : join(app.getAppPath(), 'build', 'dictionaries'),
    userDataDir: app.getPath('userData'),
    enabled: readSettings(open.db).spellcheck,
    preferred: [app.getLocale(), 'en-US']
  })
  bindIpc(markingFirstAnswers(observeFlushAnswers(open.dispatch, flush)), () => window)
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        platform: process.platform,
        appName: app.name,
        send,
        showAbout: () =>
          void dialog.showMessageBox({
            type: 'info',
            title: `About ${app.name}`,
            ...aboutText(app.name, app.getVersion(), open.dataDir)
          })
      })
    )
  )

  const saved = readWindowState(open.db)
  window = createMainWindow({
    bounds: restoredBounds(
      saved,
      screen.getAllDisplays().map((d) => d.workArea)
    ),
    maximized: saved?.maximized,
    fullScreen: saved?.fullScreen,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#17171a' : '#fbfaf7'
  })
  markStartup('window-created')
  const current = window
  current.once('ready-to-show', () => opening.close())
  const stopTracking = trackWindowState(current, (state) => saveWindowState(open.db, state))
  flushBeforeLeaving({
    app,
    powerMonitor,
    window: current,
    flush,
    beforeClose: () => {
      stopTracking()
      saveWindowState(open.db, currentWindowState(current))
    }
  })
  current.on('closed', () => (window = null))
  current.webContents.once('did-finish-load', () =>
    openedFiles.ready((file) => send({ command: 'import', file: grantFile(file, 'read') }))
  )
  startDailyBackups(open)
}
