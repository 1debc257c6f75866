import { join } from 'node:path'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { test, expect, chromium } from '@playwright/test'
import { launchShell } from '../../tests/desktop/harness/launch'
import { chromiumLaunchOptions } from '../../tests/support/browser'
import { openCore, grantFile } from '../../src/main/core'
import { generate, insertRaw } from '../suites/archive'
import { printStats } from './support'

/**
 * The desktop shell as the harness runs it (tests/desktop/harness): start-up to the first
 * screen, beside Chromium starting alone; and an archive export through File ▸ Export… and the
 * save dialog, beside the core's own export of the same journal in the same run.
 */
const RUNS = 7

async function journalOf(reviews: boolean): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rj-bench-desktop-'))
  const core = await openCore({ dataDir, version: 'bench' })
  if (reviews) insertRaw(core.db, generate())
  core.close()
  return dataDir
}

/**
 * The journal's own window: on a large journal the first start may show a small window while
 * the due integrity check runs (src/main/openingWindow.ts) before it.
 */
async function journalWindow(app: Awaited<ReturnType<typeof launchShell>>) {
  for (;;) {
    const window = app.windows.find((w) => w.webContents.getURL().endsWith('/index.html'))
    if (window) return window.page
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

test('desktop: start-up under the harness to the first screen', async () => {
  test.setTimeout(600_000)
  const baseline: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const profile = mkdtempSync(join(tmpdir(), 'rj-bench-profile-'))
    const started = performance.now()
    const context = await chromium.launchPersistentContext(profile, {
      ...chromiumLaunchOptions(),
      headless: true
    })
    const page = context.pages()[0] ?? (await context.newPage())
    await page.setContent('<h1>Ready</h1>')
    baseline.push(performance.now() - started)
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  }
  printStats('baseline: Chromium alone, started and painting a page', baseline)

  for (const [label, reviews] of [
    ['an empty journal (welcome)', false],
    ['10,000 reviews (reviews list)', true]
  ] as const) {
    const dataDir = await journalOf(reviews)
    const times: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now()
      const app = await launchShell({ dataDir })
      const page = await journalWindow(app)
      const first = reviews
        ? page.getByRole('navigation', { name: 'Journal' })
        : page.getByRole('heading', { name: 'Welcome to Review Journal' })
      await expect(first).toBeVisible({ timeout: 60_000 })
      times.push(performance.now() - started)
      app.quit()
      await app.exited
    }
    printStats(`desktop: launch to the first screen, ${label}`, times)
    rmSync(dataDir, { recursive: true, force: true })
  }
})

test('desktop: export of 10,000 reviews through the save dialog', async () => {
  test.setTimeout(900_000)
  const dataDir = await journalOf(true)
  const out = mkdtempSync(join(tmpdir(), 'rj-bench-desktop-out-'))

  const core = await openCore({ dataDir, version: 'bench' })
  const direct: number[] = []
  for (let i = 0; i < 5; i++) {
    const started = performance.now()
    const answer = await core.dispatch('archive.export', {
      format: 'archive',
      fileId: grantFile(join(out, `core-${i}.rjarchive`), 'write').fileId
    })
    direct.push(performance.now() - started)
    expect(answer.ok).toBe(true)
  }
  core.close()
  printStats('baseline: the core exports the same journal (worker, no window)', direct)

  const app = await launchShell({ dataDir })
  const page = await app.firstWindow()
  await app.clickMenu('File', 'Export…')
  const through: number[] = []
  for (let i = 0; i < 5; i++) {
    const name = `desktop-${i}.rjarchive`
    app.dialogs.willSave(join(out, name))
    const started = performance.now()
    await page.getByRole('button', { name: 'Export…' }).click()
    await expect(page.getByRole('status').filter({ hasText: `to ${name}` })).toBeVisible({ timeout: 120_000 })
    through.push(performance.now() - started)
  }
  printStats('desktop: File ▸ Export…, save dialog, 10,000 reviews, click to done', through)
  app.quit()
  await app.exited
  rmSync(out, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
})
