import { test, expect } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { electronBinary, launchApp, SKIP_REASON } from './support'

// This suite drives the real desktop app, which nothing else here can stand in for; where the
// Electron binary is absent the harness suite (tests/desktop) covers the shell instead.
test.skip(!electronBinary(), SKIP_REASON) // reason: no Electron binary without internet (it downloads on first use)

let dataDir: string
test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'rj-electron-'))
})
test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

test('a review typed just before quitting is still there after a relaunch', async () => {
  const app = await launchApp(dataDir)
  const page = await app.firstWindow()
  await page.getByRole('button', { name: 'Start writing' }).click()
  await page.getByRole('textbox', { name: 'Review title' }).fill('Written in the desktop app')
  await page.getByRole('textbox', { name: 'Review text' }).click()
  await page.keyboard.type('The last words before quitting.')
  // Quit at once, without waiting for the autosave: the shell must flush first.
  await app.close()

  const again = await launchApp(dataDir)
  const reopened = await again.firstWindow()
  await reopened.getByRole('button', { name: /Written in the desktop app/ }).click()
  await expect(reopened.getByRole('textbox', { name: 'Review text' })).toContainText(
    'The last words before quitting.'
  )
  await again.close()
})

test('the real window has every security switch set, and the page has no Node', async () => {
  const app = await launchApp(dataDir)
  const page = await app.firstWindow()
  // Electron keeps the last web preferences on the web contents (not in its typings).
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0].webContents as unknown as {
      getURL(): string
      getLastWebPreferences?: () => Record<string, unknown>
    }
    const p = contents.getLastWebPreferences?.() ?? {}
    return {
      url: contents.getURL(),
      contextIsolation: p.contextIsolation,
      sandbox: p.sandbox,
      nodeIntegration: p.nodeIntegration,
      webSecurity: p.webSecurity,
      webviewTag: p.webviewTag
    }
  })
  expect(prefs.url).toBe('app://journal/index.html')
  for (const [key, value] of Object.entries({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    webviewTag: false
  })) {
    if (prefs[key as keyof typeof prefs] !== undefined) expect(prefs[key as keyof typeof prefs]).toBe(value)
  }
  const inPage = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    journalKeys: Object.keys((window as unknown as { journal: object }).journal).length,
    popup: window.open('https://example.org/') === null,
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]') !== null,
    evalRefused: (() => {
      try {
        return eval('1') !== 1
      } catch {
        return true
      }
    })()
  }))
  expect(inPage).toEqual({
    require: 'undefined',
    process: 'undefined',
    journalKeys: expect.any(Number),
    popup: true,
    csp: true,
    evalRefused: true
  })
  await page.evaluate(() => (location.href = 'https://example.org/'))
  await page.waitForTimeout(500)
  expect(page.url()).toBe('app://journal/index.html')
  const theme = await app.evaluate(({ nativeTheme }) => nativeTheme.themeSource)
  expect(theme).toBe('system')
  await app.close()
})

test('a second launch focuses the first instead of opening another journal', async () => {
  const app = await launchApp(dataDir)
  await app.firstWindow()
  const second = await launchApp(dataDir).catch(() => null)
  // The second process quits at once; the first still has exactly one window.
  await second?.close().catch(() => {})
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
  await app.close()
})

test('File ▸ Export writes the archive to the path the save dialog answers', async () => {
  const app = await launchApp(dataDir)
  const page = await app.firstWindow()
  await page.getByRole('button', { name: 'Start writing' }).click()
  await page.getByRole('textbox', { name: 'Review title' }).fill('Exported from the desktop')
  await page.getByRole('textbox', { name: 'Review text' }).click()
  await page.keyboard.type('Words bound for an archive.')

  const target = join(dataDir, 'my journal.rjarchive')
  // The native save dialog cannot be clicked by a test: answer it from the main process, as the
  // critic choosing `target` would. The shell calls dialog.showSaveDialog(window, options).
  await app.evaluate(({ dialog }, filePath) => {
    dialog.showSaveDialog = (async () => ({
      canceled: false,
      filePath
    })) as unknown as typeof dialog.showSaveDialog
  }, target)
  await app.evaluate(({ Menu, BrowserWindow }) => {
    const file = Menu.getApplicationMenu()?.items.find((item) => item.label.replace(/&/g, '') === 'File')
    const exportItem = file?.submenu?.items.find((item) => item.label === 'Export…')
    if (!exportItem) throw new Error('File ▸ Export… is not in the application menu')
    exportItem.click(undefined, BrowserWindow.getAllWindows()[0], undefined)
  })
  await expect(page.getByRole('heading', { name: 'Import and export' })).toBeVisible()
  await page.getByRole('radio', { name: /Review Journal archive/ }).check()
  await page.getByRole('button', { name: 'Export…' }).click()
  await expect(page.getByRole('status').filter({ hasText: /Exported .*1 review/ })).toBeVisible({
    timeout: 30_000
  })
  expect(existsSync(target)).toBe(true)
  expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK')
  await app.close()
})
