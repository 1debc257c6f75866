import type { Locator, Page } from '@playwright/test'
import { call, test, expect, type Journal } from './support/fixtures'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'

const filler = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `Paragraph ${i + 1} is about the city, its light and its lonely people.`
  )

/** A review whose one mention of "Samantha" sits far below the first screenful, and a long thread. */
async function seedHer(journal: Journal) {
  const text = [...filler(40), 'Scarlett Johansson voices Samantha with warmth and wit.', ...filler(10)].join(
    '\n\n'
  )
  const review = await call(journal, 'reviews.create', { title: 'Her', body: plainTextToLexical(text) })
  for (let i = 0; i < 30; i++)
    await call(journal, 'responses.add', {
      reviewId: review.id,
      authorName: `Reader ${i}`,
      body: `Comment ${i} on the film.`
    })
  const late = await call(journal, 'responses.add', {
    reviewId: review.id,
    authorName: 'Lena',
    body: 'The ukulele song broke my heart.'
  })
  return { review, late }
}

/** True when the element's box lies inside the window and inside its scrolling pane. */
async function inView(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect()
    let pane = el.parentElement
    while (
      pane &&
      !(pane.scrollHeight > pane.clientHeight && /auto|scroll/.test(getComputedStyle(pane).overflowY))
    )
      pane = pane.parentElement
    const frame = pane?.getBoundingClientRect() ?? { top: 0, bottom: innerHeight }
    return (
      box.top >= Math.max(0, frame.top) && box.bottom <= Math.min(innerHeight, frame.bottom) && box.height > 0
    )
  })
}

const highlighted = (page: Page) =>
  page.evaluate(() => {
    const marks = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights.get(
      'search-match'
    )
    return marks ? [...marks].map((r) => r.toString()) : []
  })

test('a search hit in a review opens at the passage, marked, with the cursor there, and saves nothing', async ({
  page,
  journal
}) => {
  const { review } = await seedHer(journal)
  await page.setViewportSize({ width: 1280, height: 800 })
  await journal.open(page)
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
  await page.keyboard.press('Control+k')
  await page.keyboard.type('samantha')
  const hit = page.locator('.search-group').filter({ hasText: 'Reviews' }).locator('.search-hit').first()
  await expect(hit).toContainText('Samantha')
  await hit.click()
  const passage = page.getByRole('textbox', { name: 'Review text' }).getByText('voices Samantha')
  await expect(passage).toBeVisible()
  await expect.poll(() => inView(passage)).toBe(true)
  await expect.poll(() => highlighted(page)).toEqual(['Samantha'])
  await expect(page.getByRole('textbox', { name: 'Review text' })).toBeFocused()
  const caret = await page.evaluate(() => getSelection()?.anchorNode?.textContent ?? '')
  expect(caret).toContain('Samantha')
  const after = journal.core.db.prepare('SELECT updated_at FROM reviews WHERE id = ?').get(review.id) as {
    updated_at: string
  }
  expect(after.updated_at).toBe(review.updatedAt)
})

test('a search hit in a response opens the thread at that response, focused and marked', async ({
  page,
  journal
}) => {
  await seedHer(journal)
  await journal.open(page)
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
  await page.keyboard.press('Control+k')
  await page.keyboard.type('ukulele')
  const hit = page.locator('.search-group').filter({ hasText: 'Responses' }).locator('.search-hit').first()
  await expect(hit).toContainText('Lena')
  await hit.press('Enter')
  const entry = page.locator('.thread-entry').filter({ hasText: 'ukulele song' })
  await expect(entry.locator('article')).toBeFocused()
  await expect.poll(() => inView(entry.locator('article'))).toBe(true)
  await expect.poll(() => highlighted(page)).toEqual(['ukulele'])
})

test('a tag or a status alone lists the reviews that carry it, with no words typed', async ({
  page,
  journal
}) => {
  const her = await call(journal, 'reviews.create', { title: 'Her' })
  await call(journal, 'reviews.save', { id: her.id, tags: ['romance'] })
  const sunrise = await call(journal, 'reviews.create', { title: 'Before Sunrise' })
  await call(journal, 'reviews.save', { id: sunrise.id, tags: ['romance'] })
  await call(journal, 'reviews.create', { title: 'The General' })
  await journal.open(page)
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
  await page.keyboard.press('Control+k')
  await page.getByLabel('Tag').selectOption('romance')
  const hits = page.locator('.search-hit-title')
  await expect(hits).toHaveText(['Before Sunrise', 'Her'])
  await expect(page.getByRole('status').filter({ hasText: '2 results' })).toBeVisible()
  await page.getByLabel('Tag').selectOption('')
  await page.getByLabel('Status').selectOption('draft')
  await expect(hits).toHaveCount(3)
})

test('removing the sample journal takes its tags out of the search filter', async ({ page, journal }) => {
  await journal.open(page)
  await page.getByRole('button', { name: 'Open the sample journal' }).click()
  await expect(page.getByRole('region', { name: 'Sample journal' })).toBeVisible()
  await page.keyboard.press('Control+k')
  const tag = page.getByLabel('Tag')
  await expect(tag.locator('option', { hasText: 'silent' })).toHaveCount(1)
  await page.getByRole('button', { name: 'Remove sample' }).click()
  await expect(page.getByRole('region', { name: 'Sample journal' })).toHaveCount(0)
  await expect(tag.locator('option')).toHaveText(['Any'])
})
