import { vi } from 'vitest'

/** A stand-in for the `electron` module: records what the shell asks of it. */
export function createElectronMock() {
  const handlers = new Map<string, (...args: unknown[]) => unknown>()
  const exposed: Record<string, unknown> = {}
  const windows: { options: Record<string, unknown>; webContents: FakeWebContents; loadURL: ReturnType<typeof vi.fn> }[] = []

  class FakeWebContents {
    listeners = new Map<string, (...args: unknown[]) => void>()
    windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null
    mainFrame = { url: 'app://journal/index.html' }
    on(event: string, fn: (...args: unknown[]) => void) {
      this.listeners.set(event, fn)
      return this
    }
    setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
      this.windowOpenHandler = fn
    }
    send = vi.fn()
  }

  class BrowserWindow {
    webContents = new FakeWebContents()
    loadURL = vi.fn(async () => undefined)
    constructor(public options: Record<string, unknown>) {
      windows.push(this)
    }
    once() {}
    on() {}
    show() {}
  }

  return {
    handlers,
    exposed,
    windows,
    FakeWebContents,
    module: {
      BrowserWindow,
      shell: { openExternal: vi.fn(async () => undefined) },
      ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn) },
      ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: null })), on: vi.fn(), removeListener: vi.fn() },
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      net: { fetch: vi.fn() }
    }
  }
}
