import { mkdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { journalAtVersion } from '../core/upgrade.support'
import { MIGRATIONS } from '../../src/main/core/db/migrations'

/** A journal as schema 8 left it, with some 7 MB of reviews: larger than a window is shown for. */
function largeOldJournal(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true })
  const db = journalAtVersion(dataDir, 8)
  const text = 'A long evening of light and voices on the city at night. '.repeat(140)
  const insert = db.prepare(
    `INSERT INTO reviews (id, title, body, body_text, word_count, status, created_at, updated_at)
     VALUES (?, ?, '{"root":{"type":"root","children":[]}}', ?, 1400, 'draft', '2024-01-01', '2024-01-01')`
  )
  db.transaction(() => {
    for (let i = 0; i < 900; i++) insert.run(`r-${i}`, `Review ${i}`, text)
  })()
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
}

test('a large journal that needs an update opens behind a window that says what it is doing', async ({
  desktop
}, testInfo) => {
  test.setTimeout(90_000)
  largeOldJournal(desktop.dataDir)
  expect(statSync(join(desktop.dataDir, 'journal.sqlite')).size).toBeGreaterThan(5 * 1024 * 1024)
  const app = await desktop.launch()
  // The opening window comes first; a picture of it while it lasts, to look at.
  const first = await app.firstWindow()
  await first.screenshot({ path: testInfo.outputPath('opening.png') }).catch(() => {})
  await expect.poll(() => app.windowsEverOpened.length).toBe(2)
  const page = app.windowsEverOpened[1].page
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
  await expect(page.locator('.list-pane .item-title').first()).toHaveText(/^Review \d+$/)

  const [opening, main] = app.windowsEverOpened
  expect(opening.webContents.getURL()).toBe('app://journal/opening.html')
  expect(opening.isDestroyed()).toBe(true)
  expect(main.isDestroyed()).toBe(false)
  // Never checked before: the check first, then each update the new version brings, in order.
  const steps = opening.webContents.sent
    .filter(([, [event]]) => event === 'app.opening')
    .map(([, [, step]]) => step)
  const pending = MIGRATIONS.filter((m) => m.id > 8)
  expect(steps).toEqual([
    { what: 'check', label: 'Checking the journal for damage', done: 0, total: 1 },
    ...pending.map((m, i) => ({
      what: 'migrate',
      label: `Updating the journal: ${m.name.replace(/-/g, ' ')}`,
      done: i,
      total: pending.length
    }))
  ])

  // Opened again after closing cleanly: nothing is due, and no window but the journal's.
  expect(await desktop.quit(app)).toBe(0)
  const again = await desktop.launch()
  await expect((await again.firstWindow()).getByRole('heading', { name: 'Reviews' })).toBeVisible()
  expect(again.windowsEverOpened).toHaveLength(1)
})

test('a small journal opens straight into its window, even when a check is due', async ({ desktop }) => {
  mkdirSync(desktop.dataDir, { recursive: true })
  journalAtVersion(desktop.dataDir, 8).close()
  const app = await desktop.launch()
  await expect(
    (await app.firstWindow()).getByRole('heading', { name: 'Welcome to Review Journal' })
  ).toBeVisible()
  expect(app.windowsEverOpened).toHaveLength(1)
})
