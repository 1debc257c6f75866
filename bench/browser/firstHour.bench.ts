import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ZipFile } from 'yazl'
import { test, expect } from '../../tests/e2e/support/fixtures'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'
import { seedScreenings } from '../generate'
import { seedStatsReviews } from '../suites/statsCorpus'
import { printStats } from './support'

/**
 * The screens a critic meets in their first hour, each timed from the click (or the file
 * chosen) to the frame after it is ready, against the near-empty Reviews screen measured the
 * same way in the same run: a busy machine slows both, so the ratio says what the screen costs.
 */

const RUNS = 10

/** Clicks a sidebar button in the page and times it until `ready()` (in the page) says so. */
function timeInPage(page: Page, navLabel: string, ready: string): Promise<number> {
  return page.evaluate(
    ([label, readyBody]) =>
      new Promise<number>((resolve) => {
        const isReady = new Function(readyBody) as () => boolean
        const button = [...document.querySelectorAll<HTMLButtonElement>('nav button')].find((b) =>
          b.textContent?.trim().startsWith(label)
        )
        const start = performance.now()
        button?.click()
        const poll = () =>
          isReady()
            ? requestAnimationFrame(() => resolve(performance.now() - start))
            : requestAnimationFrame(poll)
        poll()
      }),
    [navLabel, ready] as const
  )
}

test('reference: the near-empty Reviews screen, from the click to its list drawn', async ({
  page,
  journal
}) => {
  await journal.core.dispatch('reviews.create', { title: 'Her' })
  await journal.open(page)
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    await page.keyboard.press('Control+9')
    await expect(page.getByRole('heading', { name: 'Preferences' })).toBeVisible()
    times.push(await timeInPage(page, 'Reviews', "return !!document.querySelector('.list-pane .item-title')"))
  }
  printStats('browser: reference, near-empty Reviews screen', times)
})

test('statistics ready: 10,000 reviews and 20,000 screenings, fresh page, click to all seven charts', async ({
  page,
  journal
}) => {
  seedScreenings(journal.core.db, 20_000, 2_000)
  seedStatsReviews(journal.core.db, 10_000)
  await journal.open(page)
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
    times.push(
      await timeInPage(
        page,
        'Statistics',
        `const charts = [...document.querySelectorAll('.stats-screen:not([aria-busy="true"]) .recharts-wrapper > svg')]
         return charts.length === 7 && charts.every((svg) => svg.querySelector('.recharts-bar-rectangle, .recharts-line-curve'))`
      )
    )
  }
  printStats('browser: statistics ready (10,000 reviews, 20,000 screenings)', times)
})

function smallLetterboxdZip(): Promise<Buffer> {
  const zip = new ZipFile()
  for (const name of ['diary.csv', 'ratings.csv', 'reviews.csv', 'watched.csv', 'profile.csv'])
    zip.addBuffer(readFileSync(join('tests/fixtures/letterboxd/export', name)), name)
  zip.end()
  return new Promise((resolve) => {
    const parts: Buffer[] = []
    zip.outputStream.on('data', (part: Buffer) => parts.push(part))
    zip.outputStream.on('end', () => resolve(Buffer.concat(parts)))
  })
}

test('import preview of a small Letterboxd zip: file chosen to preview shown', async ({ page, journal }) => {
  await journal.core.dispatch('reviews.create', { title: 'Her' })
  const zip = await smallLetterboxdZip()
  await journal.open(page)
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
  const times: number[] = []
  // Run from source, the first import in a process compiles the archive formats (the app and
  // the browser host load them from their bundles): one untimed preview first.
  for (let i = -1; i < RUNS; i++) {
    await page.keyboard.press('Control+1')
    await page.keyboard.press('Control+6')
    await expect(page.getByRole('heading', { name: 'Import and export' })).toBeVisible()
    await page.evaluate(() => {
      const w = window as unknown as { __chosen: number }
      document
        .querySelector('input[type="file"]')!
        .addEventListener('change', () => (w.__chosen = performance.now()), { capture: true, once: true })
    })
    await page
      .getByLabel('Choose a file…')
      .setInputFiles({ name: `letterboxd-${i}.zip`, mimeType: 'application/zip', buffer: zip })
    await expect(page.getByRole('table', { name: `Preview of importing letterboxd-${i}.zip` })).toBeVisible({
      timeout: 30_000
    })
    const took = await page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          requestAnimationFrame(() =>
            resolve(performance.now() - (window as unknown as { __chosen: number }).__chosen)
          )
        )
    )
    if (i >= 0) times.push(took)
  }
  printStats(`browser: import preview, ${(zip.length / 1024).toFixed(1)} KB Letterboxd zip`, times)
})

test('a search hit opened at its match: click to the passage in view and marked', async ({
  page,
  journal
}) => {
  seedScreenings(journal.core.db, 2_000, 500)
  seedStatsReviews(journal.core.db, 2_000)
  const paragraphs = Array.from(
    { length: 120 },
    (_, i) => `Paragraph ${i + 1} follows the city and its light through another long evening.`
  )
  paragraphs.splice(100, 0, 'Scarlett Johansson voices Samantha with warmth and wit.')
  await journal.core.dispatch('reviews.create', {
    title: 'Her',
    body: plainTextToLexical(paragraphs.join('\n\n'))
  })
  await journal.open(page)
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    await page.keyboard.press('Control+1')
    await page.keyboard.press('Control+k')
    await page.getByRole('searchbox', { name: 'Search the journal' }).fill('samantha')
    const hit = page.locator('.search-group').filter({ hasText: 'Reviews' }).locator('.search-hit').first()
    await expect(hit).toContainText('Samantha')
    times.push(
      await hit.evaluate(
        (button: HTMLElement) =>
          new Promise<number>((resolve) => {
            const start = performance.now()
            button.click()
            const poll = () => {
              const marks = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(
                'search-match'
              )
              const range = marks ? [...marks][0] : null
              const box = range?.getBoundingClientRect()
              if (box && box.top >= 0 && box.bottom <= innerHeight && box.height > 0)
                requestAnimationFrame(() => resolve(performance.now() - start))
              else requestAnimationFrame(poll)
            }
            poll()
          })
      )
    )
  }
  printStats('browser: search hit opened at the match (2,000 reviews, 120-paragraph review)', times)
})
