import { spawnSync } from 'node:child_process'
import type { Page } from '@playwright/test'

/**
 * Where a start-up's time goes, each phase as milliseconds since the launch began (wall clock,
 * so that Node's marks and the page's own timings line up on one axis).
 */
export type Phases = Record<string, number>

/**
 * Waits until the reviews list can take the keyboard: its first item exists and accepts focus,
 * checked on each animation frame so that the moment is the frame it first became true. Answers
 * that moment (epoch ms) and the page's own timings, also as epoch ms.
 */
export async function untilListInteractive(page: Page): Promise<{ at: number; page: Phases }> {
  const handle = await page.waitForFunction(
    () => {
      const item = document.querySelector<HTMLElement>('ul[aria-label="Reviews"] [data-review-id] button')
      if (!item) return null
      item.focus()
      return document.activeElement === item ? performance.timeOrigin + performance.now() : null
    },
    undefined,
    { polling: 'raf', timeout: 60_000 }
  )
  const at = (await handle.jsonValue()) as number
  const timings = await page.evaluate(() => {
    const origin = performance.timeOrigin
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
    const script = resources.find((r) => /\/assets\/index-[^/]*\.js$/.test(r.name))
    const call = (channel: string) => resources.find((r) => r.name.includes(`/api/${channel}`))
    const info = call('app.info')
    const list = call('reviews.list')
    const phases: Record<string, number> = {
      'page: navigation start': origin,
      'page: document received': origin + nav.responseEnd,
      'page: first bundle received': script ? origin + script.responseEnd : NaN,
      'page: bundle run (DOMContentLoaded)': origin + nav.domContentLoadedEventEnd
    }
    if (info) phases['page: app.info answered'] = origin + info.responseEnd
    if (list) phases['page: reviews.list answered'] = origin + list.responseEnd
    return phases
  })
  return { at, page: timings }
}

/**
 * What Node alone pays to load the built main bundle, with `electron` answered by an inert
 * stand-in: what a real Electron start pays for it too, without the test runner's require hook
 * that the harness loads it under. Milliseconds, measured inside a fresh `node` process.
 */
export function plainNodeBundleLoad(bundle: string): number {
  const script = `
    const Module = require('node:module')
    const never = () => new Promise(() => {})
    const inert = new Proxy(function () {}, {
      get: (_t, key) => (key === 'then' ? undefined : key === 'whenReady' ? never : inert),
      apply: () => inert
    })
    const load = Module._load
    Module._load = function (request, ...rest) {
      return request === 'electron' ? inert : load.call(this, request, ...rest)
    }
    const started = performance.now()
    require(${JSON.stringify(bundle)})
    process.stdout.write(String(performance.now() - started))
    process.exit(0)
  `
  const child = spawnSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    env: { ...process.env, REVIEW_JOURNAL_DATA_DIR: '' }
  })
  const ms = Number(child.stdout)
  if (child.status !== 0 || child.stdout === '' || !Number.isFinite(ms))
    throw new Error(`loading ${bundle} under Node failed: ${child.stderr}`)
  return ms
}

/** Prints each phase's median across runs, in the order the phases happen. */
export function printPhases(title: string, runs: Phases[]): void {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r)))]
  const median = (name: string) => {
    const values = runs
      .map((r) => r[name])
      .filter((v): v is number => Number.isFinite(v))
      .sort((a, b) => a - b)
    return values.length ? values[Math.floor((values.length - 1) / 2)]! : NaN
  }
  console.log(`  ${title} (medians, ms since launch):`)
  for (const name of names.sort((a, b) => median(a) - median(b)))
    console.log(`    ${name.padEnd(52)} ${median(name).toFixed(0).padStart(6)}`)
}
