import type { Page } from '@playwright/test'
import { test, expect } from '../../tests/e2e/support/fixtures'
import { printStats } from './support'
import { prose, rng } from '../generate'

const THREAD = 2000
const RUNS = 12

/**
 * Clicks a review in the list and resolves when its thread is on screen (a long thread renders
 * what is near the viewport and knows its full length) and the next frame has been painted.
 */
async function openAndRender(page: Page, title: string, entries: number): Promise<number> {
  return page.evaluate(
    ({ title, entries }) =>
      new Promise<number>((resolve, reject) => {
        const button = [...document.querySelectorAll<HTMLButtonElement>('.item')].find((b) =>
          b.querySelector('.item-title')?.textContent?.startsWith(title)
        )
        if (!button) return reject(new Error(`no review titled ${title}`))
        const start = performance.now()
        const done = () => {
          const thread = document.querySelector('section.thread:not([aria-busy])')
          if (!thread) return false
          const first = thread.querySelector('.thread-entry')
          const length =
            first?.getAttribute('aria-setsize') ?? String(thread.querySelectorAll('.thread-entry').length)
          if (length !== String(entries)) return false
          observer.disconnect()
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0))
          return true
        }
        const observer = new MutationObserver(done)
        observer.observe(document.body, { childList: true, subtree: true })
        button.click()
      }),
    { title, entries }
  )
}

test('responses: a review with 2,000 responses opens and renders its thread', async ({ page, journal }) => {
  const random = rng(9)
  const db = journal.core.db
  const body = '{"root":{"type":"root","children":[]}}'
  const at = new Date().toISOString()
  const review = db.prepare(
    'INSERT INTO reviews (id, title, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'
  )
  review.run('big', 'Big thread', body, at, at)
  review.run('quiet', 'Quiet review', body, at, at)
  const insert = db.prepare(
    `INSERT INTO responses (id, review_id, parent_id, author_name, author_url, body, received_at, status, is_own_reply, created_at, updated_at)
     VALUES (?, 'big', ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  db.transaction(() => {
    for (let n = 0; n < THREAD; n++) {
      const parent = n > 0 && random() > 0.35 ? `r${Math.floor(random() * n)}` : null
      const own = parent !== null && random() < 0.15
      const received = new Date(Date.UTC(2014, 0, 1) + n * 60_000).toISOString()
      insert.run(
        `r${n}`,
        parent,
        own ? 'You' : `Reader ${n % 89}`,
        n % 3 ? null : 'https://example.org',
        prose(60, random),
        received,
        own ? 'read' : 'new',
        own ? 1 : 0,
        at,
        at
      )
    }
  })()

  await journal.open(page)
  await expect(page.getByRole('button', { name: /Big thread/ })).toBeVisible()
  const thread: number[] = []
  const empty: number[] = []
  for (let i = 0; i < RUNS; i++) {
    empty.push(await openAndRender(page, 'Quiet review', 0))
    thread.push(await openAndRender(page, 'Big thread', THREAD))
  }
  printStats('browser: open a review and render its 2,000-response thread', thread)
  printStats('baseline: open a review with no responses', empty)

  // Then read to the end: jump to the last response and wait until it is drawn.
  const jumps: number[] = []
  for (let i = 0; i < RUNS; i++) {
    jumps.push(
      await page.evaluate(
        (last) =>
          new Promise<number>((resolve) => {
            const pane = document.querySelector('.editor-scroll')!
            pane.scrollTop = 0
            requestAnimationFrame(() => {
              const start = performance.now()
              pane.scrollTop = pane.scrollHeight
              const check = () =>
                document.querySelector(`.thread-entry[aria-posinset="${last}"]`)
                  ? requestAnimationFrame(() => resolve(performance.now() - start))
                  : requestAnimationFrame(check)
              check()
            })
          }),
        THREAD
      )
    )
  }
  printStats('browser: jump to the end of the 2,000-response thread', jumps)
})
