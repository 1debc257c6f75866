import { readFileSync } from 'node:fs'
import { test, expect, expectAccessible } from './support/fixtures'
import { seedKnownJournal } from '../fixtures/knownJournal'

// The numbers are counted by hand from tests/fixtures/knownJournal.ts.
test('the statistics view shows the right numbers for a small known journal', async ({ page, journal }) => {
  seedKnownJournal(journal.core.db)
  await journal.open(page)
  await page.getByRole('button', { name: 'Statistics' }).click()
  await expect(page.getByRole('heading', { name: 'Statistics', level: 1 })).toBeVisible()

  const total = (label: string) =>
    page.locator('.stats-total', { has: page.getByText(label, { exact: true }) }).locator('dd')
  await expect(total('Screenings')).toHaveText('5')
  await expect(total('Films seen')).toHaveText('4')
  await expect(total('Reviews')).toHaveText('4')
  await expect(total('Words written')).toHaveText('87')
  await expect(total('Reader responses')).toHaveText('1')

  // Each chart carries its numbers as a table for screen readers.
  const table = (name: string) => page.getByRole('table', { name, includeHidden: true })
  await expect(
    table('Screenings per month').getByRole('row', { name: 'Jan 2023 2', includeHidden: true })
  ).toHaveCount(1)
  await expect(table('Most-watched directors').getByRole('row', { includeHidden: true }).nth(1)).toHaveText(
    'Wong Kar-wai32'
  )
  await expect(table('Reviews by status').getByRole('row', { includeHidden: true })).toHaveText([
    'StatusReviews',
    'Draft1',
    'Ready1',
    'Published2'
  ])
  await expect(table('Venues').getByRole('row', { includeHidden: true }).nth(1)).toHaveText('BFI Southbank2')
  // Every chart is drawn as SVG by the chart library.
  await expect(page.locator('figure.chart-figure .recharts-wrapper > svg.recharts-surface')).toHaveCount(7)
  await expect(
    page.locator('figure', { hasText: 'Screenings per month' }).locator('.recharts-bar-rectangle')
  ).not.toHaveCount(0)
  await expectAccessible(page)

  await page.getByLabel('Period').selectOption('2023')
  const review = page.getByRole('region', { name: '2023 in review' })
  await expect(review).toContainText('3 films seen in 4 screenings: 3 first viewings and 1 rewatch.')
  await expect(review).toContainText('3 reviews written, 75 words in all.')
  await expect(review).toContainText('Busiest month: Jan, with 2 screenings.')
  await expect(review.getByRole('listitem')).toHaveText([
    /In the Mood for Love \(2000\) — 5★/,
    /Amélie \(2001\) — 4★/,
    /Chungking Express \(1994\) — 4★/
  ])
  await expect(review).toContainText('Longing in slow motion — 45 words')
  await expect(total('Screenings')).toHaveText('4')
  await expectAccessible(page)
})

test('charts follow the dark theme and save as SVG and PNG', async ({ page, journal }) => {
  seedKnownJournal(journal.core.db)
  await page.emulateMedia({ colorScheme: 'dark' })
  await journal.open(page)
  await expect(page.getByRole('navigation', { name: 'Journal' })).toBeVisible()
  await page.keyboard.press('Control+5')
  await expect(page.getByRole('heading', { name: 'Statistics', level: 1 })).toBeVisible()
  const figure = page.locator('figure', { hasText: 'Screenings per month' })
  // The dark palette's first series colour (stats.css), not the light one.
  await expect(figure.locator('.recharts-bar-rectangle path').first()).toHaveAttribute('fill', '#f08a6c')
  await expectAccessible(page)

  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByRole('button', { name: 'Save Screenings per month as SVG' }).click()
  ])
  expect(svgDownload.suggestedFilename()).toBe('screenings-per-month.svg')
  const svg = readFileSync(await svgDownload.path(), 'utf8')
  expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/)
  expect(svg).toContain('#f08a6c')
  expect(svg).not.toContain('var(--')

  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByRole('button', { name: 'Save Screenings per month as PNG' }).click()
  ])
  expect(pngDownload.suggestedFilename()).toBe('screenings-per-month.png')
  const png = readFileSync(await pngDownload.path())
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  expect(png.length).toBeGreaterThan(2000)
})

test('an empty journal shows empty charts, not errors', async ({ page, journal }) => {
  journal.core.db
    .prepare(
      "INSERT INTO works (id, title, created_at, updated_at) VALUES ('w', 'Lonely', '2024-01-01', '2024-01-01')"
    )
    .run()
  await journal.open(page)
  await page.getByRole('button', { name: 'Statistics' }).click()
  await expect(page.getByText('Nothing to chart yet.')).toHaveCount(7)
  await expectAccessible(page)
})

test('opening Statistics counts once, and a long diary labels its months by January', async ({
  page,
  journal
}) => {
  seedKnownJournal(journal.core.db)
  // Three more years of screenings before the known ones: 2020-03 to 2024-02 is 48 months.
  const screening = journal.core.db.prepare(
    `INSERT INTO screenings (id, work_id, watched_on, created_at, updated_at)
     VALUES (?, 'w-amelie', ?, '2020-03-01', '2020-03-01')`
  )
  ;['2020-03-15', '2021-07-02', '2022-11-30'].forEach((day, i) => screening.run(`s-early-${i}`, day))
  await journal.open(page)
  await expect(page.getByRole('navigation', { name: 'Journal' })).toBeVisible()
  const asked: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/stats.')) asked.push(new URL(request.url()).pathname)
  })
  await page.getByRole('button', { name: 'Statistics' }).click()
  const figure = page.locator('figure', { hasText: 'Screenings per month' })
  await expect(figure.locator('.recharts-bar-rectangle')).not.toHaveCount(0)
  // The screen asks when chosen and again when it mounts; the second joins the first.
  expect(asked).toEqual(['/api/stats.overview'])
  await expect(
    page
      .getByRole('table', { name: 'Screenings per month', includeHidden: true })
      .getByRole('row', { includeHidden: true })
  ).toHaveCount(49)
  const labels = await figure.locator('.recharts-xAxis .recharts-cartesian-axis-tick-value').allTextContents()
  expect(labels.length).toBeGreaterThan(0)
  for (const label of labels) expect(label).toMatch(/^Jan 20(21|22|23|24)$/)
})

test('a chart shows its figures under the pointer', async ({ page, journal }) => {
  seedKnownJournal(journal.core.db)
  await journal.open(page)
  await page.getByRole('button', { name: 'Statistics' }).click()
  const statuses = page.locator('figure', { hasText: 'Reviews by status' })
  await expect(statuses.locator('.recharts-bar-rectangle')).toHaveCount(3)
  // The tooltip mounts once the pointer first comes over the chart, then follows it.
  await expect(statuses.locator('.recharts-tooltip-wrapper')).toHaveCount(0)
  await statuses.locator('.recharts-bar-rectangle').last().hover()
  await expect(statuses.locator('.recharts-tooltip-wrapper')).toContainText('Published')
  await expect(statuses.locator('.recharts-tooltip-wrapper')).toContainText('Reviews : 2')
})
