import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ShellApp } from './app'
import { buildMenu, type HarnessMenu } from './menu'
import { HarnessWindow } from './window'
import { NotModelledError, strict } from './strict'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.cjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2'
}

/** The `electron` module the shell's bundle gets: each member backed by `shell`, nothing else. */
export function electronModule(shell: ShellApp): Record<string, unknown> {
  const app = strict(
    Object.assign(shell.app, {
      name: 'Review Journal',
      isPackaged: false,
      whenReady: () => shell.whenReady,
      isReady: () => shell.ready,
      requestSingleInstanceLock: (data?: unknown) => shell.requestSingleInstanceLock(data),
      quit: () => shell.quit(),
      exit: (code?: number) => shell.exit(code),
      getPath: (name: string) => shell.getPath(name),
      setPath: (name: string, value: string) => {
        if (name !== 'userData') throw new NotModelledError(`app.setPath('${name}')`)
        shell.paths.userData = value
      },
      getVersion: () => shell.options.version,
      getAppPath: () => shell.options.appPath,
      getLocale: () => 'en-US'
    }),
    'app'
  )

  class BrowserWindow {
    constructor(options: Record<string, unknown> = {}) {
      const window = strict(new HarnessWindow(shell, shell.takePage(), options), 'BrowserWindow')
      shell.windowCreated(window)
      return window
    }
    static getAllWindows() {
      return [...shell.windows]
    }
    static getFocusedWindow() {
      return shell.windows[0] ?? null
    }
  }

  const ipcMain = strict(
    {
      handle(channel: string, handler: Parameters<ShellApp['ipcHandlers']['set']>[1]) {
        if (shell.ipcHandlers.has(channel))
          throw new Error(`Attempted to register a second handler for '${channel}'`)
        shell.ipcHandlers.set(channel, handler)
      },
      removeHandler(channel: string) {
        shell.ipcHandlers.delete(channel)
      }
    },
    'ipcMain'
  )

  const parentOf = (args: unknown[]) =>
    args.length > 1 ? { modal: true, options: args[1] } : { modal: false, options: args[0] }
  const dialog = strict(
    {
      async showOpenDialog(...args: unknown[]) {
        const { modal, options } = parentOf(args)
        const { paths } = shell.dialogs.take('open', options as Record<string, unknown>, modal)
        return { canceled: paths === null, filePaths: paths ?? [] }
      },
      async showSaveDialog(...args: unknown[]) {
        const { modal, options } = parentOf(args)
        const { path } = shell.dialogs.take('save', options as Record<string, unknown>, modal)
        return { canceled: path === null, filePath: path ?? '' }
      },
      async showMessageBox(...args: unknown[]) {
        const { modal, options } = parentOf(args)
        const { response } = shell.dialogs.take('message', options as Record<string, unknown>, modal)
        return { response, checkboxChecked: false }
      },
      showErrorBox(title: string, content: string) {
        shell.dialogs.error(title, content)
      }
    },
    'dialog'
  )

  const Menu = strict(
    {
      buildFromTemplate: (template: Record<string, unknown>[]) => buildMenu(template),
      setApplicationMenu: (menu: HarnessMenu | null) => void (shell.menu = menu),
      getApplicationMenu: () => shell.menu
    },
    'Menu'
  )

  // Accessors, not Object.assign (which would copy the getter's value once and drop the setter).
  const nativeTheme = strict(
    Object.defineProperties(shell.nativeThemeEmitter, {
      themeSource: {
        get: () => shell.themeSource,
        set: (source: 'system' | 'light' | 'dark') => shell.setThemeSource(source)
      },
      shouldUseDarkColors: { get: () => shell.colorScheme() === 'dark' }
    }),
    'nativeTheme'
  )

  const screen = strict(
    {
      getAllDisplays: () => [display(shell)],
      getPrimaryDisplay: () => display(shell)
    },
    'screen'
  )

  const protocol = strict(
    {
      registerSchemesAsPrivileged(schemes: { scheme: string }[]) {
        if (shell.ready)
          throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
        schemes.forEach(({ scheme }) => shell.privilegedSchemes.add(scheme))
      },
      handle(scheme: string, handler: (request: Request) => Promise<Response> | Response) {
        if (!shell.ready) throw new Error('protocol.handle can only be used after app is ready')
        if (shell.protocolHandlers.has(scheme)) throw new Error(`The scheme ${scheme} is already handled`)
        shell.protocolHandlers.set(scheme, handler)
      },
      isProtocolHandled: (scheme: string) => shell.protocolHandlers.has(scheme)
    },
    'protocol'
  )

  const net = strict(
    {
      /** Only file: URLs are modelled: the shell reads its own built files with it. */
      async fetch(url: string) {
        if (!url.startsWith('file:')) throw new NotModelledError(`net.fetch of ${url}`)
        const path = fileURLToPath(url)
        const body = await readFile(path).catch(() => null)
        if (!body) throw new TypeError(`net::ERR_FILE_NOT_FOUND ${url}`)
        return new Response(body, {
          headers: { 'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' }
        })
      }
    },
    'net'
  )

  const shellModule = strict(
    {
      async openExternal(url: string) {
        shell.openedExternally.push(url)
      }
    },
    'shell'
  )

  const session = strict({ defaultSession: strict(shell.session, 'session.defaultSession') }, 'session')

  return strict(
    {
      app,
      BrowserWindow,
      ipcMain,
      dialog,
      Menu,
      nativeTheme,
      screen,
      protocol,
      net,
      shell: shellModule,
      session,
      powerMonitor: strict(shell.powerMonitor, 'powerMonitor')
    },
    'electron'
  )
}

function display(shell: ShellApp) {
  const area = shell.workArea()
  return {
    id: 1,
    bounds: { ...area },
    workArea: { ...area },
    size: { width: area.width, height: area.height },
    scaleFactor: 1
  }
}
