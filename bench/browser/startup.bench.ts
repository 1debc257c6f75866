import Module from 'node:module'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, chromium } from '@playwright/test'
import { launchShell, OUT_DIR, ROOT } from '../../tests/desktop/harness/launch'
import { chromiumLaunchOptions } from '../../tests/support/browser'
import { openCore } from '../../src/main/core'
import { generate, insertRaw } from '../suites/archive'
import { printStats } from './support'
import { plainNodeBundleLoad, printPhases, untilListInteractive, type Phases } from './startupPhases'
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is CommonJS
const { ensureHostsBuilt } = require('../../scripts/build-hosts.cjs') as {
  ensureHostsBuilt(dir: string): string
}

/**
 * Start-up to an interactive window on a 10,000-review journal, the goal being 1 s: the desktop
 * app under the shell harness and the browser host in Chromium, each run alternating with
 * Chromium alone starting and painting a page (the floor both stand on). "Interactive" is the
 * first frame in which the reviews list exists and takes the keyboard.
 */
const RUNS = 7
const MAIN_BUNDLE = join(OUT_DIR, 'main', 'index.js')
const now = () => performance.timeOrigin + performance.now()

// The harness loads the bundle through Module._load: the span of that call is its loading cost
// under the test runner, with the runner's require hook in it.
type Loader = (request: string, parent: unknown, isMain: boolean) => unknown
const internals = Module as unknown as { _load: Loader }
const harnessLoad = internals._load
let bundleLoad: [number, number] = [NaN, NaN]
internals._load = function (request, parent, isMain) {
  if (request !== MAIN_BUNDLE) return harnessLoad.call(this, request, parent, isMain)
  const started = now()
  try {
    return harnessLoad.call(this, request, parent, isMain)
  } finally {
    bundleLoad = [started, now()]
  }
}

async function journalOf10000(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rj-bench-startup-'))
  const core = await openCore({ dataDir, version: 'bench' })
  insertRaw(core.db, generate())
  core.close()
  // A first start takes any due check and update, as the critic's first start after them would.
  const app = await launchShell({ dataDir })
  await untilListInteractive(await journalWindow(app))
  app.quit()
  await app.exited
  return dataDir
}

async function journalWindow(app: Awaited<ReturnType<typeof launchShell>>) {
  for (;;) {
    const window = app.windows.find((w) => w.webContents.getURL().endsWith('/index.html'))
    if (window) return window.page
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

async function chromiumAlone(): Promise<number> {
  const profile = mkdtempSync(join(tmpdir(), 'rj-bench-profile-'))
  const started = now()
  const context = await chromium.launchPersistentContext(profile, {
    ...chromiumLaunchOptions(),
    headless: true
  })
  const page = context.pages()[0] ?? (await context.newPage())
  await page.setContent('<h1>Ready</h1>')
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
  const took = now() - started
  await context.close()
  rmSync(profile, { recursive: true, force: true })
  return took
}

function markAt(name: string): number {
  const mark = performance.getEntriesByName(`rj:${name}`, 'mark').at(-1)
  return mark ? performance.timeOrigin + mark.startTime : NaN
}

async function desktopStart(dataDir: string): Promise<{ total: number; phases: Phases }> {
  performance.clearMarks()
  const started = now()
  const app = await launchShell({ dataDir })
  const { at, page } = await untilListInteractive(await journalWindow(app))
  const phases: Phases = {
    'harness: Chromium started, bundle load begins': bundleLoad[0],
    'harness: main bundle loaded (test runner)': bundleLoad[1],
    'main: app ready': markAt('ready'),
    'main: journal open (migrations, checks)': markAt('journal-open'),
    'main: window created': markAt('window-created'),
    ...page,
    'main: app.info answered': markAt('answered:app.info'),
    'main: reviews.list answered': markAt('answered:reviews.list'),
    'list interactive': at
  }
  app.quit()
  await app.exited
  for (const name of Object.keys(phases)) phases[name] = phases[name]! - started
  return { total: at - started, phases }
}

function printedUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const url = /Open (\S+)/.exec(out)?.[1]
      if (url) resolve(url)
    })
    child.once('exit', (code) => reject(new Error(`the browser host exited (${code}): ${out}`)))
  })
}

async function browserHostStart(
  dataDir: string,
  hostsDir: string
): Promise<{ total: number; phases: Phases }> {
  const profile = mkdtempSync(join(tmpdir(), 'rj-bench-profile-'))
  const started = now()
  const host = spawn(process.execPath, [join(hostsDir, 'web.cjs'), '--data-dir', dataDir, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, RJ_OUT_DIR: OUT_DIR },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const exited = new Promise((resolve) => host.once('exit', resolve))
  let printed = NaN
  let browserUp = NaN
  // The host and the browser start together, as a critic's click on both would.
  const [url, context] = await Promise.all([
    printedUrl(host).then((url) => ((printed = now()), url)),
    chromium
      .launchPersistentContext(profile, { ...chromiumLaunchOptions(), headless: true })
      .then((c) => ((browserUp = now()), c))
  ])
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(url)
  const { at, page: timings } = await untilListInteractive(page)
  const phases: Phases = {
    'host: URL printed (journal open, listening)': printed,
    'Chromium started': browserUp,
    ...timings,
    'list interactive': at
  }
  await context.close()
  host.kill('SIGTERM')
  await exited
  rmSync(profile, { recursive: true, force: true })
  for (const name of Object.keys(phases)) phases[name] = phases[name]! - started
  return { total: at - started, phases }
}

test('start-up to an interactive window, 10,000 reviews', async () => {
  test.setTimeout(900_000)
  const hostsDir = ensureHostsBuilt(join(OUT_DIR, 'hosts'))
  const dataDir = await journalOf10000()
  const baseline: number[] = []
  const desktop: { total: number; phases: Phases }[] = []
  const browserHost: { total: number; phases: Phases }[] = []
  const plainLoad: number[] = []
  // Alternated, so a busy moment on the machine falls on each kind alike.
  for (let i = 0; i < RUNS; i++) {
    baseline.push(await chromiumAlone())
    desktop.push(await desktopStart(dataDir))
    browserHost.push(await browserHostStart(dataDir, hostsDir))
    plainLoad.push(plainNodeBundleLoad(MAIN_BUNDLE))
  }
  const harnessLoad = desktop.map(
    (d) =>
      d.phases['harness: main bundle loaded (test runner)']! -
      d.phases['harness: Chromium started, bundle load begins']!
  )
  printStats('baseline: Chromium alone, started and painting a page', baseline)
  printStats(
    'desktop start-up to interactive, 10,000 reviews (harness)',
    desktop.map((d) => d.total)
  )
  printStats('  of which the main bundle loading under the test runner', harnessLoad)
  printStats('  the same bundle loading under plain Node (a real start)', plainLoad)
  printStats(
    'browser host start-up to interactive, 10,000 reviews',
    browserHost.map((d) => d.total)
  )
  printPhases(
    'desktop, where the time goes',
    desktop.map((d) => d.phases)
  )
  printPhases(
    'browser host, where the time goes',
    browserHost.map((d) => d.phases)
  )
  rmSync(dataDir, { recursive: true, force: true })
})
