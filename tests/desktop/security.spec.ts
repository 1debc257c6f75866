import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp'
import { IPC_INVOKE } from '../../src/shared/bridge'

async function started(desktop: { launch(): Promise<import('./harness/app').ShellApp> }) {
  const app = await desktop.launch()
  const page = await app.firstWindow()
  await page.getByRole('button', { name: 'Start writing' }).waitFor()
  return { app, page }
}

const stillHome = (page: Page) => expect.poll(() => page.url()).toMatch(/\/index\.html$/)

test('the window runs with every switch of Electron’s checklist set safe', async ({ desktop }) => {
  const { app } = await started(desktop)
  const prefs = app.windows[0].options.webPreferences as Record<string, unknown>
  expect(prefs).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    allowRunningInsecureContent: false
  })
  expect(String(prefs.preload)).toMatch(/preload[/\\]index\.cjs$/)
  expect(app.session.permissionRequestHandler).not.toBeNull()
})

test('the page gets window.journal and nothing else from the shell', async ({ desktop }) => {
  const { app, page } = await started(desktop)
  // A plain page of the same origin, with no preload, is the baseline.
  const blank = await app.probePage()
  const baseline = new Set(await blank.evaluate(() => Object.keys(window)))
  await blank.close()
  const added = (await page.evaluate(() => Object.keys(window))).filter((key) => !baseline.has(key))
  // Playwright's own binding plumbing is the harness's, not the shell's (docs/shell-harness.md).
  expect(added.filter((key) => !key.startsWith('__playwright__binding'))).toEqual(['journal'])
  expect(
    await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      ipcRenderer: typeof (globalThis as { ipcRenderer?: unknown }).ipcRenderer,
      frozen: Object.isFrozen((window as unknown as { journal: object }).journal),
      replaced: (() => {
        try {
          ;(window as unknown as { journal: unknown }).journal = {}
        } catch {
          // strict-mode assignments to a read-only global throw
        }
        return typeof (window as unknown as { journal: Record<string, unknown> }).journal['reviews.list']
      })()
    }))
  ).toEqual({
    require: 'undefined',
    process: 'undefined',
    ipcRenderer: 'undefined',
    frozen: true,
    replaced: 'function'
  })
})

test('every app:// response carries the Content-Security-Policy, and the page obeys it', async ({
  desktop
}) => {
  const { app, page } = await started(desktop)
  expect(app.served.length).toBeGreaterThanOrEqual(3)
  for (const response of app.served)
    expect(response.headers['content-security-policy'], response.url).toBe(CONTENT_SECURITY_POLICY)
  expect(app.served.map((r) => r.url)).toContain('app://journal/index.html')
  // An injected inline script does not run, and the page reports the violation.
  const inline = await page.evaluate(async () => {
    const violation = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), {
        once: true
      })
    )
    const script = document.createElement('script')
    script.textContent = 'window.injectedRan = true'
    document.body.append(script)
    return { ran: (window as { injectedRan?: boolean }).injectedRan === true, directive: await violation }
  })
  expect(inline).toEqual({ ran: false, directive: 'script-src-elem' })
  expect(
    await page.evaluate(() =>
      fetch('https://example.org/').then(
        () => 'fetched',
        () => 'refused'
      )
    )
  ).toBe('refused')
  const missing = await page.evaluate(() => fetch('/../../package.json').then((r) => r.status))
  expect(missing).toBe(404)
})

test('navigation away is refused; a web link the critic follows opens in the system browser', async ({
  desktop
}) => {
  const { app, page } = await started(desktop)
  await page.evaluate(() => (location.href = 'https://example.org/elsewhere'))
  await stillHome(page)
  await expect(page.getByRole('button', { name: 'Start writing' })).toBeVisible()
  expect(app.openedExternally).toEqual(['https://example.org/elsewhere'])
  // Nothing remote was ever requested from inside the app.
  expect(app.refusedRequests).toEqual([])

  // A second one within the second is refused: a person clicks links one at a time.
  await page.evaluate(() => (location.href = 'https://example.org/flood'))
  await stillHome(page)
  expect(app.openedExternally).toEqual(['https://example.org/elsewhere'])
})

test('window.open opens no window: the link goes to the system browser, anything else nowhere', async ({
  desktop
}) => {
  const { app, page } = await started(desktop)
  expect(await page.evaluate(() => window.open('https://example.org/new') === null)).toBe(true)
  await expect.poll(() => app.openedExternally).toEqual(['https://example.org/new'])
  await page.waitForTimeout(1100)
  expect(await page.evaluate(() => window.open('javascript:alert(1)') === null)).toBe(true)
  expect(await page.evaluate(() => window.open('file:///etc/passwd') === null)).toBe(true)
  await page.waitForTimeout(200)
  expect(app.openedExternally).toEqual(['https://example.org/new'])
  expect(app.windows).toHaveLength(1)
  expect(app.context.pages().filter((p) => p.url() !== 'about:blank')).toHaveLength(1)
})

test('permission requests are all refused', async ({ desktop }) => {
  const { page } = await started(desktop)
  expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied')
  expect(
    await page.evaluate(() =>
      navigator.mediaDevices.getUserMedia({ video: true }).then(
        () => 'granted',
        (e: DOMException) => e.name
      )
    )
  ).toBe('NotAllowedError')
})

test('IPC from another frame or another origin is refused before its payload is read', async ({
  desktop
}) => {
  const { app, page } = await started(desktop)
  // The app's own page answers …
  expect(
    await page.evaluate(() =>
      (window as unknown as { journal: Record<string, () => Promise<{ ok: boolean }>> }).journal[
        'reviews.list'
      ]().then((r) => r.ok)
    )
  ).toBe(true)
  // … a page from elsewhere, or a subframe even of the app's own origin, does not.
  const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } }
  expect(
    await app.invokeAsFrame(
      { url: 'https://evil.example/', isMainFrame: true },
      IPC_INVOKE,
      'reviews.list',
      undefined
    )
  ).toEqual(forbidden)
  expect(
    await app.invokeAsFrame({ url: 'app://journal/index.html' }, IPC_INVOKE, 'reviews.list', undefined)
  ).toEqual(forbidden)
  expect(
    await app.invokeAsFrame({ url: 'app://journal/index.html' }, IPC_INVOKE, 'sample.load', undefined)
  ).toEqual(forbidden)
  expect(
    await page.evaluate(() =>
      (window as unknown as { journal: Record<string, () => Promise<{ value: unknown[] }>> }).journal[
        'reviews.list'
      ]().then((r) => r.value.length)
    )
  ).toBe(0)
})
