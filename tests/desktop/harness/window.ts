import { readFileSync } from 'node:fs'
import type { BrowserContext, Frame, Page } from 'playwright-core'
import { ElectronEmitter, NotModelledError, preventableEvent, strict } from './strict'
import { pageScript } from './pageScript'
import { toPageUrl, toShellUrl } from './urls'

export interface Rectangle {
  x: number
  y: number
  width: number
  height: number
}

/** What a window needs from the running app around it. */
export interface WindowHost {
  context: BrowserContext
  /** Screen area a maximised window fills. */
  workArea(): Rectangle
  colorScheme(): 'light' | 'dark'
  windowCreated(window: HarnessWindow): void
  windowClosed(window: HarnessWindow): void
  fail(error: Error): void
}

type IpcEvent = { sender: HarnessWebContents; senderFrame: ShellFrame; frameId: number; processId: number }
export type IpcHandler = (event: IpcEvent, ...args: unknown[]) => unknown

/** Electron's WebFrameMain as the shell sees it: its URL (in `app://` form) and its identity. */
export interface ShellFrame {
  readonly url: string
  readonly name: string
  readonly isMainFrame: boolean
}

let nextId = 1
const DEFAULT_BOUNDS = { x: 0, y: 0, width: 800, height: 600 }

/** A window's web contents: IPC out to the page, navigation events in from it. */
export class HarnessWebContents extends ElectronEmitter {
  readonly id = nextId++
  windowOpenHandler:
    | ((details: { url: string; frameName: string; features: string; disposition: string }) => {
        action: string
      })
    | null = null
  private frames = new WeakMap<Frame, ShellFrame>()
  private outbox: [string, unknown[]][] = []
  private waiting: ((batch: [string, unknown[]][] | null) => void) | null = null
  destroyed = false
  /** The URL loadURL is loading: Electron fires no will-navigate for the app's own loads. */
  loading: string | null = null

  constructor(readonly page: Page) {
    super()
  }

  get mainFrame(): ShellFrame {
    return this.frameFor(this.page.mainFrame())
  }

  /** One stable object per frame, as Electron keeps one WebFrameMain per frame. */
  frameFor(frame: Frame): ShellFrame {
    let shellFrame = this.frames.get(frame)
    if (!shellFrame) {
      const page = this.page
      shellFrame = strict(
        {
          get url() {
            return toShellUrl(frame.url())
          },
          get name() {
            return frame.name()
          },
          get isMainFrame() {
            return frame === page.mainFrame()
          }
        },
        'WebFrameMain'
      )
      this.frames.set(frame, shellFrame)
    }
    return shellFrame
  }

  getURL(): string {
    return toShellUrl(this.page.url())
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  setWindowOpenHandler(handler: HarnessWebContents['windowOpenHandler']): void {
    this.windowOpenHandler = handler
  }

  /** Everything the shell sent this page, in order, for tests to read after it is gone. */
  readonly sent: [string, unknown[]][] = []

  /** `webContents.send`: queued for the page's preload, which collects it on its next call. */
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed')
    this.sent.push([channel, structuredClone(args)])
    this.outbox.push([channel, structuredClone(args)])
    this.deliver()
  }

  /** The preload asks for the next messages; answered at once if any wait. */
  nextBatch(): Promise<[string, unknown[]][] | null> {
    this.waiting?.(null)
    return new Promise((resolve) => {
      this.waiting = resolve
      this.deliver()
    })
  }

  private deliver(): void {
    if (!this.waiting || this.outbox.length === 0) return
    const resolve = this.waiting
    this.waiting = null
    resolve(this.outbox.splice(0))
  }

  destroy(): void {
    this.destroyed = true
    this.waiting?.(null)
    this.waiting = null
  }
}

/** Electron's BrowserWindow, drawn as one Playwright page whose viewport is the window's size. */
export class HarnessWindow extends ElectronEmitter {
  readonly id = nextId++
  readonly webContents: HarnessWebContents
  readonly options: Record<string, unknown>
  private bounds: Rectangle
  private normalBounds: Rectangle
  private visible = false
  private maximized = false
  private minimized = false
  private fullScreen = false
  private destroyed = false
  private closing: Promise<void> | null = null
  private shown = false
  private attached: Promise<void>
  private loaded!: () => void
  /** Resolves when the page has loaded for the first time (`ready-to-show` here). */
  readonly firstLoad = new Promise<void>((resolve) => (this.loaded = resolve))

  constructor(
    private host: WindowHost,
    page: Page,
    options: Record<string, unknown>
  ) {
    super()
    this.options = options
    const pick = (key: keyof Rectangle) =>
      typeof options[key] === 'number' ? (options[key] as number) : DEFAULT_BOUNDS[key]
    this.bounds = { x: pick('x'), y: pick('y'), width: pick('width'), height: pick('height') }
    this.normalBounds = { ...this.bounds }
    this.visible = options.show !== false
    this.webContents = strict(new HarnessWebContents(page), 'webContents')
    page.on('load', () => {
      if (this.destroyed) return
      this.webContents.emit('did-finish-load', preventableEvent())
      if (!this.shown) {
        this.shown = true
        this.emit('ready-to-show', preventableEvent())
        this.loaded()
      }
    })
    page.on('close', () => this.webContents.destroy())
    this.attached = this.attach().catch((err: Error) => host.fail(err))
  }

  /** Prepares the page: the window's size, the theme, and the real preload bundle. */
  private async attach(): Promise<void> {
    const prefs = (this.options.webPreferences ?? {}) as { preload?: string }
    if (prefs.preload)
      await this.page.addInitScript({ content: pageScript(readFileSync(prefs.preload, 'utf8')) })
    await this.page.setViewportSize({ width: this.bounds.width, height: this.bounds.height })
    await this.page.emulateMedia({ colorScheme: this.host.colorScheme() })
  }

  get page(): Page {
    return this.webContents.page
  }

  async loadURL(url: string): Promise<void> {
    const pageUrl = toPageUrl(url)
    if (!pageUrl) throw new NotModelledError(`loadURL of ${url} (only registered schemes load here)`)
    await this.attached
    this.webContents.loading = pageUrl
    try {
      await this.page.goto(pageUrl)
    } finally {
      this.webContents.loading = null
    }
  }

  show(): void {
    this.visible = true
    this.minimized = false
  }
  focus(): void {
    this.show()
  }
  isVisible(): boolean {
    return this.visible && !this.minimized
  }
  minimize(): void {
    this.minimized = true
    this.emit('minimize', preventableEvent())
  }
  restore(): void {
    this.minimized = false
    this.emit('restore', preventableEvent())
  }
  isMinimized(): boolean {
    return this.minimized
  }

  maximize(): void {
    if (this.maximized) return
    this.normalBounds = { ...this.bounds }
    this.maximized = true
    this.resizeTo(this.host.workArea())
    this.emit('maximize', preventableEvent())
  }
  unmaximize(): void {
    if (!this.maximized) return
    this.maximized = false
    this.resizeTo(this.normalBounds)
    this.emit('unmaximize', preventableEvent())
  }
  isMaximized(): boolean {
    return this.maximized
  }
  setFullScreen(on: boolean): void {
    if (this.fullScreen === on) return
    this.fullScreen = on
    this.emit(on ? 'enter-full-screen' : 'leave-full-screen', preventableEvent())
  }
  isFullScreen(): boolean {
    return this.fullScreen
  }

  getBounds(): Rectangle {
    return { ...this.bounds }
  }
  getNormalBounds(): Rectangle {
    return { ...(this.maximized ? this.normalBounds : this.bounds) }
  }
  /** As a person dragging or resizing the window: 'move' and 'resize' fire as they change. */
  setBounds(bounds: Partial<Rectangle>): void {
    const next = { ...this.bounds, ...bounds }
    const moved = next.x !== this.bounds.x || next.y !== this.bounds.y
    const resized = next.width !== this.bounds.width || next.height !== this.bounds.height
    this.resizeTo(next)
    if (!this.maximized) this.normalBounds = { ...next }
    if (moved) this.emit('move', preventableEvent())
    if (resized) this.emit('resize', preventableEvent())
  }

  private resizeTo(bounds: Rectangle): void {
    this.bounds = { ...bounds }
    if (!this.destroyed)
      void this.page.setViewportSize({ width: bounds.width, height: bounds.height }).catch(() => {})
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  /** As the close button: 'close' may be prevented; otherwise the window goes and 'closed' fires. */
  close(): void {
    if (this.destroyed || this.closing) return
    const event = this.fire('close')
    if (event.defaultPrevented) return
    this.closing = this.destroyNow()
  }

  /** Closes without asking ('close' does not fire), as `destroy()` and `app.exit()` do. */
  destroy(): void {
    if (!this.destroyed && !this.closing) this.closing = this.destroyNow()
  }

  /** Resolves once the window is gone. */
  whenClosed(): Promise<void> {
    return this.closing ?? Promise.resolve()
  }

  private async destroyNow(): Promise<void> {
    this.destroyed = true
    this.webContents.destroy()
    await this.page.close().catch(() => {})
    this.emit('closed', preventableEvent())
    this.host.windowClosed(this)
  }
}
