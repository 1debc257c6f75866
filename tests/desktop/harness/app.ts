import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page, type Request, type Route } from 'playwright-core'
import { chromiumLaunchOptions } from '../../support/browser'
import { DialogScript } from './dialogs'
import { HarnessSession } from './session'
import { ElectronEmitter, NotModelledError, preventableEvent } from './strict'
import { BINDINGS } from './pageScript'
import { HarnessWindow, type IpcHandler, type Rectangle, type WindowHost } from './window'
import { schemeOf, toShellUrl } from './urls'
import { acceleratorKeys, findMenuItem, performRole, type HarnessMenu } from './menu'

export interface ShellAppOptions {
  /** Electron's `userData` folder before the shell changes it. */
  userData: string
  /** Command-line arguments after the executable, as a double-click or a second launch passes them. */
  argv: string[]
  appPath: string
  version: string
  /** The desktop's colour scheme, for `nativeTheme.themeSource = 'system'`. */
  systemTheme: 'light' | 'dark'
  workArea: Rectangle
}

/** Running apps by `userData` folder: Electron's single-instance lock. */
const lockHolders = new Map<string, ShellApp>()

/**
 * One launch of the desktop app under the harness: the state behind the `electron` stand-in
 * (app lifecycle, windows, IPC handlers, protocol handlers, session, dialogs, menu) and the
 * Chromium it draws windows in.
 */
export class ShellApp implements WindowHost {
  readonly app = new ElectronEmitter()
  readonly powerMonitor = new ElectronEmitter()
  readonly nativeThemeEmitter = new ElectronEmitter()
  readonly session = new HarnessSession()
  readonly dialogs = new DialogScript()
  readonly windows: HarnessWindow[] = []
  /** Every window the shell created, closed ones included, in order. */
  readonly windowsEverOpened: HarnessWindow[] = []
  readonly ipcHandlers = new Map<string, IpcHandler>()
  readonly protocolHandlers = new Map<string, (request: globalThis.Request) => Promise<Response> | Response>()
  readonly privilegedSchemes = new Set<string>()
  /** Every response a protocol handler gave, as the handler gave it (before the session's header hook). */
  readonly served: { url: string; status: number; headers: Record<string, string> }[] = []
  readonly openedExternally: string[] = []
  /** Requests for anything but the app's own schemes: refused, since nothing remote exists here. */
  readonly refusedRequests: string[] = []
  readonly errors: Error[] = []
  paths: { userData: string }
  themeSource: 'system' | 'light' | 'dark' = 'system'
  menu: HarnessMenu | null = null
  ready = false
  quitting = false
  exitCode: number | null = null
  readonly exited: Promise<number>
  context!: BrowserContext
  private spare: Page | null = null
  private probes = new Set<Page>()
  private resolveExit!: (code: number) => void
  private resolveReady!: () => void
  readonly whenReady: Promise<void>

  constructor(readonly options: ShellAppOptions) {
    this.paths = { userData: options.userData }
    this.exited = new Promise((resolve) => (this.resolveExit = resolve))
    this.whenReady = new Promise((resolve) => (this.resolveReady = resolve))
  }

  /** Starts Chromium with the app's profile in its user data folder, as Electron keeps it. */
  async startBrowser(): Promise<void> {
    this.context = await chromium.launchPersistentContext(join(this.options.userData, 'Chromium'), {
      ...chromiumLaunchOptions(),
      headless: true,
      viewport: null
    })
    await this.context.route('**/*', (route, request) =>
      this.route(route, request).catch((err: Error) => this.fail(err))
    )
    const fromPage =
      <A extends unknown[], R>(fn: (page: Page, ...args: A) => R) =>
      (source: { page: Page }, ...args: A) =>
        fn(source.page, ...args)
    await this.context.exposeBinding(BINDINGS.invoke, (source, channel: string, args: unknown[]) =>
      this.invoke(source.page, source.frame, channel, args)
    )
    await this.context.exposeBinding(
      BINDINGS.next,
      fromPage((page) => this.windowFor(page)?.webContents.nextBatch() ?? null)
    )
    await this.context.exposeBinding(
      BINDINGS.permission,
      fromPage((page, permission: string) => this.askPermission(page, permission))
    )
    await this.context.exposeBinding(
      BINDINGS.windowOpen,
      fromPage((page, url: string, target: string, features: string) =>
        this.windowOpen(page, url, target, features)
      )
    )
    this.spare = this.context.pages()[0] ?? (await this.context.newPage())
  }

  /** Called once the shell's main module has run: `ready` fires on the next turn, as Electron's does. */
  markLoaded(): void {
    setImmediate(() => {
      if (this.exitCode !== null) return
      this.ready = true
      this.app.emit('ready', preventableEvent(), {})
      this.resolveReady()
    })
  }

  windowFor(page: Page | undefined): HarnessWindow | undefined {
    return this.windows.find((w) => w.page === page && !w.isDestroyed())
  }

  /** The page a new BrowserWindow draws in, taken at once since its constructor cannot wait. */
  takePage(): Page {
    const page = this.spare
    if (!page) throw new NotModelledError('a second BrowserWindow created before the first finished starting')
    this.spare = null
    void this.context.newPage().then(
      (next) => (this.spare = next),
      () => {}
    )
    return page
  }

  /** A page of the app's origin with an empty document and no preload, to compare a window with. */
  async probePage(): Promise<Page> {
    const page = await this.context.newPage()
    this.probes.add(page)
    await page.goto('https://journal.app.shell-harness.invalid/probe.html')
    return page
  }

  /** The first window once its page has loaded, as Playwright's `electronApp.firstWindow()`. */
  async firstWindow(): Promise<Page> {
    for (;;) {
      const window = this.windows[0]
      if (window) {
        await window.firstLoad
        return window.page
      }
      if (this.exitCode !== null)
        throw new Error(`The app exited (code ${this.exitCode}) before it opened a window.`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }

  /** `nativeTheme.themeSource = …`: every window's pages follow, and 'updated' fires. */
  setThemeSource(source: 'system' | 'light' | 'dark'): void {
    if (!['system', 'light', 'dark'].includes(source))
      throw new TypeError(`Invalid themeSource ${String(source)}`)
    this.themeSource = source
    for (const window of this.windows)
      void window.page.emulateMedia({ colorScheme: this.colorScheme() }).catch(() => {})
    this.nativeThemeEmitter.emit('updated', preventableEvent())
  }

  // --- WindowHost -------------------------------------------------------------------------------
  workArea(): Rectangle {
    return this.options.workArea
  }
  colorScheme(): 'light' | 'dark' {
    return this.themeSource === 'system' ? this.options.systemTheme : this.themeSource
  }
  windowCreated(window: HarnessWindow): void {
    this.windows.push(window)
    this.windowsEverOpened.push(window)
    this.app.emit('browser-window-created', preventableEvent(), window)
    this.app.emit('web-contents-created', preventableEvent(), window.webContents)
  }
  windowClosed(window: HarnessWindow): void {
    this.windows.splice(this.windows.indexOf(window), 1)
    if (this.windows.length > 0) return
    if (this.quitting) return void this.finishQuit()
    // Electron quits by itself when nothing listens for the last window closing.
    if (this.app.listenerCount('window-all-closed') === 0) this.quit()
    else this.app.emit('window-all-closed', preventableEvent())
  }
  fail(error: Error): void {
    this.errors.push(error)
  }

  // --- lifecycle --------------------------------------------------------------------------------
  /** Chooses a menu item as a person would: its click handler, or what its role does. */
  async clickMenu(...path: string[]): Promise<void> {
    const item = findMenuItem(this.menu, path)
    if (!item.enabled) throw new Error(`${path.join(' ▸ ')} is disabled`)
    if (item.click) return item.click(item, this.windows[0] ?? null, { triggeredByAccelerator: false })
    if (item.role) return performRole(item.role, { quit: () => this.quit(), window: () => this.windows[0] })
    throw new Error(`${path.join(' ▸ ')} does nothing`)
  }

  /**
   * Presses a menu item's accelerator. An item registered with the menu answers the key itself;
   * one with `registerAccelerator: false` only shows it, so the key goes to the page.
   */
  async pressAccelerator(...path: string[]): Promise<void> {
    const item = findMenuItem(this.menu, path)
    if (!item.accelerator) throw new Error(`${path.join(' ▸ ')} has no accelerator`)
    const window = this.windows[0]
    if (item.registerAccelerator === false)
      return window.page.keyboard.press(acceleratorKeys(item.accelerator))
    if (item.click) return item.click(item, window ?? null, { triggeredByAccelerator: true })
    if (item.role) return performRole(item.role, { quit: () => this.quit(), window: () => this.windows[0] })
  }

  /** macOS hands a file to the app (a double-click in Finder, a drop on the Dock icon). */
  openFile(path: string): boolean {
    const event = preventableEvent()
    this.app.emit('open-file', event, path)
    return event.defaultPrevented
  }

  /** `app.requestSingleInstanceLock()`: a second launch on the same folder hands over its argv. */
  requestSingleInstanceLock(additionalData?: unknown): boolean {
    const holder = lockHolders.get(this.paths.userData)
    if (holder && holder !== this && holder.exitCode === null) {
      const argv = [process.execPath, ...this.options.argv]
      holder.app.emit('second-instance', preventableEvent(), argv, process.cwd(), additionalData ?? {})
      return false
    }
    lockHolders.set(this.paths.userData, this)
    return true
  }

  /** `app.quit()`: before-quit, then every window is asked to close; any that refuses cancels the quit. */
  quit(): void {
    if (this.exitCode !== null || this.quitting) return
    if (this.app.fire('before-quit').defaultPrevented) return
    this.quitting = true
    for (const window of [...this.windows]) window.close()
    if (this.windows.some((w) => !w.isDestroyed())) {
      this.quitting = false
      return
    }
    if (this.windows.length === 0) this.finishQuit()
  }

  private finishQuit(): void {
    if (this.app.fire('will-quit').defaultPrevented) {
      this.quitting = false
      return
    }
    this.app.emit('quit', preventableEvent(), 0)
    void this.finish(0)
  }

  /** `app.exit(code)`: windows go without asking, no quit events. */
  exit(code = 0): void {
    if (this.exitCode !== null) return
    for (const window of [...this.windows]) window.destroy()
    void this.finish(code)
  }

  private async finish(code: number): Promise<void> {
    if (this.exitCode !== null) return
    this.exitCode = code
    if (lockHolders.get(this.paths.userData) === this) lockHolders.delete(this.paths.userData)
    await Promise.all(this.windows.map((w) => w.whenClosed()))
    await this.context?.close().catch(() => {})
    this.resolveExit(code)
  }

  getPath(name: string): string {
    if (name === 'userData') return this.paths.userData
    if (name === 'temp') return tmpdir()
    if (name === 'home') return homedir()
    throw new NotModelledError(`app.getPath('${name}')`)
  }

  // --- the page boundary ------------------------------------------------------------------------
  private async invoke(
    page: Page,
    frame: import('playwright-core').Frame,
    channel: string,
    args: unknown[]
  ): Promise<{ value?: unknown; error?: string }> {
    const window = this.windowFor(page)
    const handler = this.ipcHandlers.get(channel)
    if (!window) return { error: 'The sender is not a window of this app.' }
    if (!handler) return { error: `Error: No handler registered for '${channel}'` }
    try {
      const event = {
        sender: window.webContents,
        senderFrame: window.webContents.frameFor(frame),
        frameId: 1,
        processId: 1
      }
      return { value: structuredClone(await handler(event, ...structuredClone(args))) }
    } catch (err) {
      return { error: String(err) }
    }
  }

  /** Sends an IPC call as a frame other than the app's own would (an iframe, a compromised page). */
  invokeAsFrame(
    frame: { url: string; name?: string; isMainFrame?: boolean },
    channel: string,
    ...args: unknown[]
  ): Promise<unknown> {
    const window = this.windows[0]
    const handler = this.ipcHandlers.get(channel)
    if (!window || !handler) throw new Error('No window or no handler to send to.')
    const senderFrame = { name: '', isMainFrame: false, ...frame }
    return Promise.resolve(
      handler({ sender: window.webContents, senderFrame, frameId: 2, processId: 1 }, ...args)
    )
  }

  private async askPermission(page: Page, permission: string): Promise<boolean> {
    const window = this.windowFor(page)
    if (!window) return false
    return this.session.requestPermission(window.webContents, permission, toShellUrl(page.url()))
  }

  private async windowOpen(page: Page, url: string, target: string, features: string): Promise<void> {
    const window = this.windowFor(page)
    const handler = window?.webContents.windowOpenHandler
    if (!window || !handler) return
    const absolute = toShellUrl(new URL(url || 'about:blank', page.url()).toString())
    const answer = handler({
      url: absolute,
      frameName: target,
      features,
      disposition: features ? 'new-window' : 'foreground-tab'
    })
    if (answer.action !== 'deny')
      this.fail(new NotModelledError(`a window.open the shell allowed (${absolute})`))
  }

  /** Every request any page makes: the app's own schemes through the shell's handler, nothing else. */
  private async route(route: Route, request: Request): Promise<void> {
    const url = request.url()
    const page = request.frame().page()
    if (this.probes.has(page))
      return route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><title>Probe</title>'
      })
    const window = this.windowFor(page)
    if (!window) {
      // A popup Chromium opened for a link with target=_blank: the opener's handler decides.
      const opener = await page.opener()
      const handler = this.windowFor(opener ?? undefined)?.webContents.windowOpenHandler
      if (handler && request.isNavigationRequest()) {
        const answer = handler({
          url: toShellUrl(url),
          frameName: '',
          features: '',
          disposition: 'foreground-tab'
        })
        if (answer.action !== 'deny')
          this.fail(new NotModelledError(`a new window the shell allowed (${url})`))
      }
      await route.abort('aborted')
      await page.close().catch(() => {})
      return
    }
    if (
      request.isNavigationRequest() &&
      window.webContents.loading !== url &&
      !this.navigationAllowed(window, request)
    ) {
      return route.abort('aborted')
    }
    const scheme = schemeOf(url)
    const handler = scheme ? this.protocolHandlers.get(scheme) : undefined
    if (!handler) {
      this.refusedRequests.push(url)
      return route.abort('internetdisconnected')
    }
    const shellUrl = toShellUrl(url)
    const response = await handler(
      new globalThis.Request(shellUrl, { method: request.method(), headers: request.headers() })
    )
    const raw: Record<string, string> = {}
    response.headers.forEach((value, name) => (raw[name] = value))
    this.served.push({ url: shellUrl, status: response.status, headers: raw })
    const headers = await this.session.applyHeadersReceived(
      shellUrl,
      request.method(),
      response.status,
      response.headers
    )
    if (!headers) return route.abort('blockedbyclient')
    await route.fulfill({ status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) })
  }

  /** will-navigate (main frame) and will-frame-navigate (any frame), as a page's own navigation fires them. */
  private navigationAllowed(window: HarnessWindow, request: Request): boolean {
    const contents = window.webContents
    const frame = request.frame()
    const url = toShellUrl(request.url())
    const isMainFrame = frame === window.page.mainFrame()
    const details = { url, isMainFrame, frame: contents.frameFor(frame) }
    if (isMainFrame) {
      const event = preventableEvent(details)
      contents.emit('will-navigate', event, url)
      if (event.defaultPrevented) return false
    }
    const event = preventableEvent(details)
    contents.emit('will-frame-navigate', event)
    return !event.defaultPrevented
  }
}
