import { vi } from 'vitest'

type Listener = (...args: unknown[]) => unknown

/** Records listeners by event name and lets a test fire them (several per event). */
class Emitter {
  listeners = new Map<string, Listener[]>()
  on(event: string, fn: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn])
    return this
  }
  once(event: string, fn: Listener) {
    return this.on(event, fn)
  }
  /** Fires `event` with a preventable event object; returns whether a listener prevented it. */
  fire(event: string, ...args: unknown[]): boolean {
    let prevented = false
    const e = { preventDefault: () => (prevented = true) }
    for (const fn of this.listeners.get(event) ?? []) fn(e, ...args)
    return prevented
  }
}

/** A stand-in for the `electron` module: records what the shell asks of it. */
export function createElectronMock() {
  const handlers = new Map<string, (...args: unknown[]) => unknown>()
  const exposed: Record<string, unknown> = {}
  const windows: InstanceType<typeof BrowserWindow>[] = []

  class FakeWebContents extends Emitter {
    windowOpenHandler: ((d: { url: string; disposition?: string }) => { action: string }) | null = null
    mainFrame = { url: 'app://journal/index.html' }
    setWindowOpenHandler(fn: (d: { url: string; disposition?: string }) => { action: string }) {
      this.windowOpenHandler = fn
    }
    send = vi.fn()
  }

  class BrowserWindow extends Emitter {
    webContents = new FakeWebContents()
    loadURL = vi.fn(async (_url: string) => undefined)
    destroyed = false
    bounds = { x: 10, y: 20, width: 1200, height: 800 }
    maximized = false
    constructor(public options: Record<string, unknown>) {
      super()
      windows.push(this)
    }
    show = vi.fn()
    focus = vi.fn()
    restore = vi.fn()
    maximize = vi.fn(() => (this.maximized = true))
    setFullScreen = vi.fn()
    close = vi.fn(() => {
      if (!this.fire('close')) {
        this.destroyed = true
        this.fire('closed')
      }
    })
    isDestroyed = () => this.destroyed
    isMinimized = () => false
    isMaximized = () => this.maximized
    isFullScreen = () => false
    getNormalBounds = () => this.bounds
  }

  const app = Object.assign(new Emitter(), {
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn(() => ''),
    setPath: vi.fn(),
    getVersion: vi.fn(() => '9.9.9'),
    getAppPath: vi.fn(() => ''),
    getLocale: vi.fn(() => 'en-US'),
    isPackaged: false,
    name: 'Review Journal'
  })

  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
    setSpellCheckerDictionaryDownloadURL: vi.fn(),
    setSpellCheckerLanguages: vi.fn(),
    setSpellCheckerEnabled: vi.fn(),
    on: vi.fn()
  }

  return {
    handlers,
    exposed,
    windows,
    app,
    session,
    FakeWebContents,
    module: {
      app,
      BrowserWindow,
      Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
      dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 1 })) },
      nativeTheme: { themeSource: 'system', shouldUseDarkColors: false },
      powerMonitor: new Emitter(),
      screen: { getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]) },
      session: { defaultSession: session },
      shell: { openExternal: vi.fn(async () => undefined) },
      ipcMain: {
        handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn)
      },
      ipcRenderer: {
        invoke: vi.fn(async () => ({ ok: true, value: null })),
        on: vi.fn(),
        removeListener: vi.fn()
      },
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      net: { fetch: vi.fn() }
    }
  }
}

export { Emitter }
