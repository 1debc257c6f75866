import { beforeEach, describe, expect, it, vi } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { createElectronMock } from './electron-mock'

// Electron's security checklist, item by item (electronjs.org/docs/latest/tutorial/security).
const electron = createElectronMock()
vi.mock('electron', () => electron.module)

const security = await import('../../src/main/security')
const { registerAppScheme, serveRenderer } = await import('../../src/main/protocol')
const { createMainWindow } = await import('../../src/main/window')
const { bindIpc } = await import('../../src/main/ipc')
const { IPC_INVOKE, IPC_EVENT } = await import('../../src/shared/bridge')
const { CONTENT_SECURITY_POLICY } = await import('../../src/shared/csp')
const root = join(__dirname, '../..')
const require = createRequire(import.meta.url)

type Prefs = Record<string, unknown>
function windowPrefs(): Prefs {
  const window = createMainWindow() as unknown as { options: { webPreferences: Prefs } }
  return window.options.webPreferences
}
function lockedContents() {
  const contents = new electron.FakeWebContents()
  const open = vi.fn()
  security.lockNavigation(contents as never, open)
  return {
    contents,
    open,
    fire: (event: string, ...args: unknown[]) => contents.listeners.get(event)!.forEach((fn) => fn(...args))
  }
}

beforeEach(() => {
  electron.windows.splice(0)
  vi.clearAllMocks()
})

describe("Electron's security checklist", () => {
  it('1. loads only its own content: app:// pages, never http or file', () => {
    createMainWindow()
    expect(electron.windows[0].loadURL).toHaveBeenCalledWith('app://journal/index.html')
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/)
  })

  it('2. never enables Node.js integration, in the page, workers or frames', () => {
    expect(windowPrefs()).toMatchObject({
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false
    })
  })

  it('3. isolates the preload’s context from the page', () => {
    expect(windowPrefs().contextIsolation).toBe(true)
  })

  it('4. sandboxes the renderer', () => {
    expect(windowPrefs().sandbox).toBe(true)
  })

  it('5. denies every permission request and check', () => {
    security.denyAllPermissions(electron.session as never)
    const request = electron.session.setPermissionRequestHandler.mock.calls[0][0] as (
      wc: unknown,
      p: string,
      cb: (ok: boolean) => void
    ) => void
    const check = electron.session.setPermissionCheckHandler.mock.calls[0][0] as () => boolean
    const answers: boolean[] = []
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-sanitized-write',
      'fullscreen'
    ])
      request(null, p, (ok) => answers.push(ok))
    expect(answers.every((ok) => ok === false)).toBe(true)
    expect(check()).toBe(false)
  })

  it('6. keeps webSecurity on', () => {
    expect(windowPrefs().webSecurity).toBe(true)
  })

  it('7. sends a strict Content-Security-Policy with every response and in the page itself', () => {
    for (const rule of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-src 'none'"
    ]) {
      expect(CONTENT_SECURITY_POLICY).toContain(rule)
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/)
    const html = readFileSync(join(root, 'src/renderer/index.html'), 'utf8')
    expect(html).toMatch(/http-equiv="Content-Security-Policy"[^>]*default-src 'self'; script-src 'self'/)
  })

  it('8. never runs insecure content', () => {
    expect(windowPrefs().allowRunningInsecureContent).toBe(false)
  })

  it('9. turns no experimental features on', () => {
    expect(windowPrefs().experimentalFeatures).toBe(false)
  })

  it('10. enables no Blink features', () => {
    const prefs = windowPrefs()
    expect(prefs.enableBlinkFeatures).toBeUndefined()
  })

  it('11. has no <webview> (so no allowpopups): the tag is off and attaching one is refused', () => {
    expect(windowPrefs().webviewTag).toBe(false)
    const { fire } = lockedContents()
    const attach = { preventDefault: vi.fn() }
    fire('will-attach-webview', attach)
    expect(attach.preventDefault).toHaveBeenCalled()
  })

  it('12. verifies <webview> options by refusing every webview, in every web contents the app creates', () => {
    security.guardEveryWebContents(electron.app as never)
    const contents = new electron.FakeWebContents()
    electron.app.fire('web-contents-created', contents)
    const prefs: Record<string, unknown> = {
      preload: '/tmp/evil.js',
      nodeIntegration: true,
      contextIsolation: false
    }
    const attach = { preventDefault: vi.fn() }
    contents.listeners
      .get('will-attach-webview')!
      .forEach((fn) => fn(attach, prefs, { src: 'https://evil.example/' }))
    expect(attach.preventDefault).toHaveBeenCalled()
    expect(prefs).toEqual({ nodeIntegration: false, contextIsolation: true })
    expect(contents.windowOpenHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' })
    const away = { preventDefault: vi.fn() }
    contents.listeners.get('will-navigate')!.forEach((fn) => fn(away, 'https://evil.example/'))
    expect(away.preventDefault).toHaveBeenCalled()
    const source = readFileSync(join(root, 'src/main/index.ts'), 'utf8')
    expect(source).toContain('guardEveryWebContents(app)')
  })

  it('13. refuses navigation away from the app, in the main frame and in any frame', () => {
    const { fire } = lockedContents()
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://other/index.html',
      'javascript:alert(1)'
    ]) {
      const event = { preventDefault: vi.fn(), isMainFrame: false }
      fire('will-navigate', event, url)
      expect(event.preventDefault).toHaveBeenCalled()
      const redirect = { preventDefault: vi.fn() }
      fire('will-redirect', redirect, url)
      expect(redirect.preventDefault).toHaveBeenCalled()
      const frame = { preventDefault: vi.fn(), url }
      fire('will-frame-navigate', frame)
      expect(frame.preventDefault).toHaveBeenCalled()
    }
    const inside = { preventDefault: vi.fn() }
    fire('will-navigate', inside, 'app://journal/index.html')
    expect(inside.preventDefault).not.toHaveBeenCalled()
  })

  it('14. refuses every new window', () => {
    const { contents } = lockedContents()
    for (const url of ['https://example.org/', 'app://journal/index.html', 'about:blank', 'file:///tmp/x']) {
      expect(contents.windowOpenHandler!({ url, disposition: 'new-window' })).toEqual({ action: 'deny' })
    }
  })

  it('15. opens only http(s) links the critic clicked in the system browser, one at a time', () => {
    const { contents, open, fire } = lockedContents()
    contents.windowOpenHandler!({ url: 'https://example.org/review', disposition: 'foreground-tab' })
    expect(open).toHaveBeenCalledWith('https://example.org/review')
    for (const url of [
      'file:///etc/passwd',
      'smb://server/share',
      'javascript:alert(1)',
      'ms-settings:',
      'app://journal/x'
    ]) {
      contents.windowOpenHandler!({ url, disposition: 'foreground-tab' })
    }
    contents.windowOpenHandler!({ url: 'https://example.org/not-a-click', disposition: 'other' })
    fire('will-navigate', { preventDefault: vi.fn(), isMainFrame: false }, 'https://example.org/from-a-frame')
    expect(open).toHaveBeenCalledTimes(1)

    let now = 0
    const shellOpen = vi.fn()
    const once = security.openExternalOnce(shellOpen, 1000, () => now)
    once('https://a.example/')
    once('https://b.example/')
    now = 1500
    once('https://c.example/')
    once('file:///etc/passwd')
    expect(shellOpen.mock.calls.map(([u]) => u)).toEqual(['https://a.example/', 'https://c.example/'])
  })

  it('16. is built on a current Electron (45 or newer)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    expect(Number(/\d+/.exec(pkg.devDependencies.electron)![0])).toBeGreaterThanOrEqual(45)
  })

  it('17. checks the sender of every IPC message before reading it', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 1 }))
    const window = createMainWindow() as unknown as { webContents: { mainFrame: { url: string } } }
    bindIpc(dispatch, () => window as never)
    const handle = electron.handlers.get(IPC_INVOKE)!
    expect(await handle({ senderFrame: window.webContents.mainFrame }, 'app.info')).toEqual({
      ok: true,
      value: 1
    })
    expect(await handle({ senderFrame: { url: 'app://journal/index.html' } }, 'app.info')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
    expect(await handle({ senderFrame: null }, 'app.info')).toMatchObject({ ok: false })
    expect(dispatch).toHaveBeenCalledTimes(1)
  })

  it('18. serves the app from a custom protocol that refuses path traversal, never file://', async () => {
    registerAppScheme()
    const [[schemes]] = electron.module.protocol.registerSchemesAsPrivileged.mock.calls as unknown as [
      [{ scheme: string; privileges: Record<string, boolean> }[]]
    ]
    expect(schemes[0]).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } })
    expect(schemes[0].privileges.bypassCSP).toBeUndefined()

    serveRenderer('/app/renderer')
    const serve = electron.module.protocol.handle.mock.calls[0][1] as unknown as (r: {
      url: string
    }) => Promise<Response>
    electron.module.net.fetch.mockResolvedValue(new Response('<html></html>', { status: 200 }) as never)
    const page = await serve({ url: 'app://journal/index.html' })
    expect(page.status).toBe(200)
    expect(page.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(electron.module.net.fetch).toHaveBeenCalledWith('file:///app/renderer/index.html')
    for (const url of ['app://journal/%E0%A4%A', 'app://journal/a%00.js']) {
      expect((await serve({ url })).status).toBe(404)
    }
    electron.module.net.fetch.mockClear()
    await serve({ url: 'app://journal/..%2f..%2fmain%2findex.js' })
    for (const [fetched] of electron.module.net.fetch.mock.calls as unknown as [string][])
      expect(fetched.startsWith('file:///app/renderer/')).toBe(true)
  })

  it('19. ships with the dangerous fuses off and only the packed app trusted', async () => {
    const fuses = await import('@electron/fuses')
    const { fuseConfig } = require(join(root, 'scripts/after-pack.cjs'))
    for (const platform of ['linux', 'darwin', 'win32']) {
      const config = fuseConfig(platform, fuses)
      expect(config[fuses.FuseV1Options.RunAsNode]).toBe(false)
      expect(config[fuses.FuseV1Options.EnableNodeCliInspectArguments]).toBe(false)
      expect(config[fuses.FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false)
      expect(config[fuses.FuseV1Options.OnlyLoadAppFromAsar]).toBe(true)
      expect(config[fuses.FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(platform !== 'linux')
    }
  })

  it('20. exposes no Electron API to the page: only the contract’s channels, over two fixed IPC names', async () => {
    await import('../../src/preload/index')
    expect(Object.keys(electron.exposed)).toEqual(['journal'])
    const api = electron.exposed.journal as Record<string, unknown>
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.values(api)).not.toContain(electron.module.ipcRenderer)
    expect(() => (api.on as (e: string, f: () => void) => void)('ipc-message', () => {})).toThrow(
      /Unknown event/
    )
    const source = readFileSync(join(root, 'src/preload/index.ts'), 'utf8')
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/)
    await (api['app.info'] as () => Promise<unknown>)()
    expect(electron.module.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_INVOKE, 'app.info', undefined)
    expect(IPC_EVENT).toBe('journal:event')
  })
})
