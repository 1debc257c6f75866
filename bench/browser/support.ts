import type { Page } from '@playwright/test'

/** Median, p95 and p99 of a list of timings, printed on one line like the core suites. */
export function printStats(name: string, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b)
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
  console.log(
    `${name.padEnd(64)} median ${pick(0.5).toFixed(2).padStart(9)} ms   p95 ${pick(0.95).toFixed(2).padStart(9)} ms   p99 ${pick(0.99).toFixed(2).padStart(9)} ms   (n=${times.length})`
  )
}

/** Starts collecting long tasks (over 50 ms) in the page; read them with `longTasks(page)`. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] }
    w.__longTasks = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.duration)
    }).observe({ type: 'longtask', buffered: false })
  })
}

export async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks)
}
