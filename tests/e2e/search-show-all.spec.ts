import { call, test, expect, expectAccessible } from './support/fixtures'

/** One review and 120 reader responses that all mention the word searched for. */
async function seedManyResponses(journal: Parameters<typeof call>[0]) {
  const review = await call(journal, 'reviews.create', { title: 'Zebra crossing' })
  const insert = journal.core.db.prepare(
    `INSERT INTO responses (id, review_id, author_name, body, received_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, '2024-01-01', '2024-01-01', '2024-01-01')`
  )
  journal.core.db.transaction(() => {
    for (let i = 0; i < 120; i++)
      insert.run(`p${i}`, review.id, `Reader ${i}`, `The zebra scene, said reader ${i}.`)
  })()
}

test('"Show all" pages through one kind by keyboard, focus on each page’s first hit', async ({
  page,
  journal
}) => {
  await seedManyResponses(journal)
  await journal.open(page)
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
  await page.keyboard.press('Control+k')
  await page.keyboard.type('zebra')
  const responses = page.getByRole('region', { name: /Responses/ })
  // The group says how many there are in all, not only how many show.
  await expect(responses.getByRole('heading')).toHaveText('Responses 120')
  await expect(responses.locator('.search-hit')).toHaveCount(8)
  await expect(page.locator('#search-summary')).toHaveText('121 results, 9 shown.')

  // Down into the hits, down to the group's last, and Tab reaches "Show all".
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Tab')
  const showAll = page.getByRole('button', { name: 'Show all 120 responses' })
  await expect(showAll).toBeFocused()
  await page.keyboard.press('Enter')

  const all = page.getByRole('region', { name: /All responses/ })
  await expect(all.getByRole('status')).toHaveText('1–50 of 120')
  // The summary above no longer counts the overview's nine.
  await expect(page.locator('#search-summary')).toHaveText(
    '121 results; all 120 responses below, a page at a time.'
  )
  const hits = all.locator('.search-hit')
  await expect(hits).toHaveCount(50)
  await expect(hits.first()).toBeFocused()
  await expectAccessible(page)
  const firstPage = await all.locator('.search-hit-title').allTextContents()

  // From the page's last hit, Tab goes on to the pager; Previous is off on the first page.
  for (let i = 0; i < 49; i++) await page.keyboard.press('ArrowDown')
  await expect(hits.last()).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(all.getByRole('button', { name: 'Back to all results' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(all.getByRole('button', { name: 'Next 50' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(all.getByRole('status')).toHaveText('51–100 of 120')
  await expect(hits.first()).toBeFocused()
  const secondPage = await all.locator('.search-hit-title').allTextContents()
  expect(secondPage).toHaveLength(50)
  expect(secondPage.filter((title) => firstPage.includes(title))).toEqual([])

  // The last page holds the rest; Next is then off.
  await all.getByRole('button', { name: 'Next 50' }).focus()
  await page.keyboard.press('Enter')
  await expect(all.getByRole('status')).toHaveText('101–120 of 120')
  await expect(hits).toHaveCount(20)
  await expect(hits.first()).toBeFocused()
  await expect(all.getByRole('button', { name: 'Next 50' })).toBeDisabled()
  await expectAccessible(page)

  // Back to all kinds together, the keyboard lands on the "Show all" it came from.
  await all.getByRole('button', { name: 'Back to all results' }).focus()
  await page.keyboard.press('Enter')
  await expect(showAll).toBeFocused()
  await expect(responses.locator('.search-hit')).toHaveCount(8)
  await expect(page.locator('#search-summary')).toHaveText('121 results, 9 shown.')
})
