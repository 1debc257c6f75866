/**
 * What runs in each page before its own scripts: the stand-in for Electron's renderer side.
 * The real preload bundle runs here inside a closure with a `require` that knows only
 * `electron`, as a sandboxed preload's does; its `contextBridge.exposeInMainWorld` defines a
 * frozen global, and its `ipcRenderer` reaches the main process through two Playwright bindings
 * that the closure takes and then deletes from `window`, so the page sees `window.journal` only.
 * Permission prompts and `window.open` are routed to the shell's session and window handlers.
 */

/** Binding names, deleted from the page as soon as the closure holds them. */
export const BINDINGS = {
  invoke: '__shellHarnessInvoke',
  next: '__shellHarnessNext',
  permission: '__shellHarnessPermission',
  windowOpen: '__shellHarnessWindowOpen'
} as const

type Bindings = Record<keyof typeof BINDINGS, (...args: unknown[]) => Promise<unknown>>

/** The init script for a window whose preload bundle is `preloadSource`. */
export function pageScript(preloadSource: string): string {
  return `(${installRendererSide.toString()})(${JSON.stringify(BINDINGS)}, function (require, module, exports) {\n${preloadSource}\n})`
}

// Runs in the page: no imports or outer names may be used in here.
function installRendererSide(
  names: Record<string, string>,
  preload: (require: (id: string) => unknown, module: { exports: unknown }, exports: unknown) => void
): void {
  const w = window as unknown as Record<string, unknown>
  const bindings = {} as Bindings
  for (const [key, name] of Object.entries(names)) {
    bindings[key as keyof Bindings] = w[name] as Bindings[keyof Bindings]
    delete w[name]
  }
  // Only the main frame gets the preload (nodeIntegrationInSubFrames is off).
  if (window !== window.top) return

  window.open = (url?: string | URL, target?: string, features?: string) => {
    void bindings.windowOpen(String(url ?? ''), target ?? '', features ?? '')
    return null
  }
  const ask = (permission: string) => bindings.permission(permission) as Promise<boolean>
  if (typeof Notification !== 'undefined') {
    Notification.requestPermission = async () => ((await ask('notifications')) ? 'granted' : 'denied')
  }
  if (navigator.mediaDevices) {
    navigator.mediaDevices.getUserMedia = async () => {
      if (!(await ask('media'))) throw new DOMException('Permission denied', 'NotAllowedError')
      throw new DOMException('The harness has no camera or microphone', 'NotFoundError')
    }
  }
  if (navigator.geolocation) {
    navigator.geolocation.getCurrentPosition = (_ok, fail) => {
      void ask('geolocation').then(() =>
        fail?.({ code: 1, message: 'User denied Geolocation' } as GeolocationPositionError)
      )
    }
  }

  const listeners = new Map<string, Set<(...args: unknown[]) => void>>()
  const ipcRenderer = {
    async invoke(channel: string, ...args: unknown[]) {
      const answer = (await bindings.invoke(channel, args)) as { value?: unknown; error?: string }
      if (answer.error !== undefined)
        throw new Error(`Error invoking remote method '${channel}': ${answer.error}`)
      return answer.value
    },
    on(channel: string, listener: (...args: unknown[]) => void) {
      if (!listeners.has(channel)) listeners.set(channel, new Set())
      listeners.get(channel)!.add(listener)
      return ipcRenderer
    },
    removeListener(channel: string, listener: (...args: unknown[]) => void) {
      listeners.get(channel)?.delete(listener)
      return ipcRenderer
    }
  }
  const contextBridge = {
    exposeInMainWorld(key: string, api: object) {
      const freeze = (value: unknown): unknown => {
        if (value && typeof value === 'object') Object.values(Object.freeze(value)).forEach(freeze)
        return value
      }
      Object.defineProperty(window, key, {
        value: freeze(api),
        enumerable: true,
        configurable: false,
        writable: false
      })
    }
  }
  const electron = { ipcRenderer, contextBridge }
  const module = { exports: {} }
  preload(
    (id) => {
      if (id === 'electron') return electron
      throw new Error(`A sandboxed preload cannot require ${id}`)
    },
    module,
    module.exports
  )

  // Messages from webContents.send arrive by asking for the next batch, one call at a time.
  const pump = async () => {
    for (;;) {
      const batch = (await bindings.next()) as [string, unknown[]][] | null
      if (!batch) return
      for (const [channel, args] of batch) {
        for (const listener of [...(listeners.get(channel) ?? [])]) listener({ sender: ipcRenderer }, ...args)
      }
    }
  }
  void pump()
}
