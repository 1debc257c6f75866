import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createElectronMock } from './electron-mock'

const electron = createElectronMock()
vi.mock('electron', () => electron.module)

const {
  lockNavigation,
  isTrustedSender,
  denyAllPermissions,
  enforceContentSecurityPolicy,
  isExternalWebLink
} = await import('../../src/main/security')
const { resolveInside } = await import('../../src/main/protocol')
const { createMainWindow } = await import('../../src/main/window')
const { bindIpc } = await import('../../src/main/ipc')
const { CHANNEL_NAMES } = await import('../../src/shared/contract')
const { IPC_INVOKE } = await import('../../src/shared/bridge')

beforeEach(() => electron.windows.splice(0))

describe('the Electron shell', () => {
  it('creates its window with isolation, sandbox and no Node, loading the app protocol', () => {
    const window = createMainWindow() as unknown as (typeof electron.windows)[number]
    const prefs = window.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false
    })
    expect(prefs.enableBlinkFeatures).toBeUndefined()
    expect(window.loadURL).toHaveBeenCalledWith('app://journal/index.html')
    expect(String((window.loadURL.mock.calls[0] as unknown[])[0])).not.toMatch(/^file:/)
  })

  it('refuses navigation away from the app and every new window, opening http(s) links outside', () => {
    const contents = new electron.FakeWebContents()
    const openExternal = vi.fn()
    lockNavigation(contents as never, openExternal)
    const navigate = contents.listeners.get('will-navigate')![0]
    const away = { preventDefault: vi.fn(), isMainFrame: false }
    navigate(away, 'https://evil.example/')
    expect(away.preventDefault).toHaveBeenCalled()
    const inside = { preventDefault: vi.fn() }
    navigate(inside, 'app://journal/index.html')
    expect(inside.preventDefault).not.toHaveBeenCalled()

    expect(contents.windowOpenHandler!({ url: 'https://example.org/review' })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledWith('https://example.org/review')
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledTimes(1)
    expect(isExternalWebLink('smb://share')).toBe(false)
  })

  it('denies every permission request and check', () => {
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined
    let check: (() => boolean) | undefined
    denyAllPermissions({
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn)
    } as never)
    const answer = vi.fn()
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read'])
      request!(null, permission, answer)
    expect(answer.mock.calls.every(([ok]) => ok === false)).toBe(true)
    expect(check!()).toBe(false)
  })

  it('adds a strict Content-Security-Policy to every response', () => {
    let listener:
      | ((
          d: { responseHeaders: Record<string, string[]> },
          cb: (r: { responseHeaders: Record<string, string[]> }) => void
        ) => void)
      | undefined
    enforceContentSecurityPolicy({
      webRequest: { onHeadersReceived: (fn: typeof listener) => (listener = fn) }
    } as never)
    const callback = vi.fn()
    listener!({ responseHeaders: {} }, callback)
    const csp = callback.mock.calls[0][0].responseHeaders['Content-Security-Policy'][0] as string
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toMatch(/unsafe-eval|https?:/)
  })

  it('serves only files inside the renderer folder', () => {
    expect(resolveInside('/app/renderer', '/index.html')).toBe('/app/renderer/index.html')
    expect(resolveInside('/app/renderer', '/assets/a.js')).toBe('/app/renderer/assets/a.js')
    expect(resolveInside('/app/renderer', '/../main/index.js')).toBe('/app/renderer/main/index.js')
    expect(resolveInside('/app/renderer', '/%2e%2e/%2e%2e/etc/passwd')).not.toMatch(/^\/etc/)
    expect(resolveInside('/app/renderer', '/%E0%A4%A')).toBeNull()
    expect(resolveInside('/app/renderer', '/a%00.js')).toBeNull()
  })

  it('answers IPC only from the app’s own main frame', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'yes' }))
    const window = createMainWindow() as unknown as (typeof electron.windows)[number]
    bindIpc(dispatch, () => window as never)
    const handle = electron.handlers.get(IPC_INVOKE)!
    const ok = await handle({ senderFrame: window.webContents.mainFrame }, 'reviews.list', {})
    expect(ok).toEqual({ ok: true, value: 'yes' })
    const foreignFrame = { url: 'app://journal/index.html' }
    const refused = await handle({ senderFrame: foreignFrame }, 'reviews.list', {})
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    window.webContents.mainFrame.url = 'https://evil.example/'
    expect(await handle({ senderFrame: window.webContents.mainFrame }, 'reviews.list', {})).toMatchObject({
      ok: false
    })
    expect(dispatch).toHaveBeenCalledTimes(1)
    expect(isTrustedSender(null, {})).toBe(false)
  })

  it('exposes exactly the contract’s channels through the preload, never ipcRenderer', async () => {
    await import('../../src/preload/index')
    const api = electron.exposed.journal as Record<string, unknown>
    expect(Object.keys(electron.exposed)).toEqual(['journal'])
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES, 'on'].sort())
    expect(Object.values(api).includes(electron.module.ipcRenderer)).toBe(false)
    await (api['reviews.list'] as (i: unknown) => Promise<unknown>)({})
    expect(electron.module.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_INVOKE, 'reviews.list', {})
  })
})
