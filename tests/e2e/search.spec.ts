import { test, expect, expectAccessible } from './support/fixtures'
import { seedKnownJournal } from '../fixtures/knownJournal'

test('search as you type finds a response by a phrase in it and opens its review', async ({
  page,
  journal
}) => {
  seedKnownJournal(journal.core.db)
  await journal.open(page)
  await expect(page.getByRole('navigation', { name: 'Journal' })).toBeVisible()

  await page.keyboard.press('Control+k')
  const box = page.getByRole('searchbox', { name: 'Search the journal' })
  await expect(box).toBeFocused()
  await expectAccessible(page)

  // Typed key by key, the way a person types: results follow each keystroke.
  await page.keyboard.type('"rice coo', { delay: 30 })
  const responses = page.getByRole('region', { name: /Responses/ })
  const hit = responses.getByRole('button', { name: /Marguerite/ })
  await expect(hit).toBeVisible()
  // A phrase is highlighted as one run.
  await expect(hit.locator('mark')).toHaveText(['rice cooker'])
  await expect(page.getByRole('status').filter({ hasText: /1 result/ })).toBeVisible()
  await expectAccessible(page)

  // Down from the box reaches the hit; Enter opens the review it was left on.
  await box.press('ArrowDown')
  await expect(hit).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('textbox', { name: 'Review title' })).toHaveValue('Longing in slow motion')
})

test('accents, filters and query syntax: amelie finds Amélie, and stray operators are just words', async ({
  page,
  journal
}) => {
  seedKnownJournal(journal.core.db)
  await journal.open(page)
  await page.getByRole('button', { name: 'Search' }).click()
  const box = page.getByRole('searchbox', { name: 'Search the journal' })

  await box.fill('amelie')
  await expect(
    page.getByRole('region', { name: /Films/ }).getByRole('button', { name: /Amélie \(2001\)/ })
  ).toBeVisible()

  await box.fill('bfi')
  await expect(page.getByRole('region', { name: /Screenings/ }).getByRole('button')).toHaveCount(2)
  await page.getByLabel('Film year').selectOption('1972')
  await expect(page.getByRole('region', { name: /Screenings/ }).getByRole('button')).toHaveCount(1)
  await page.getByRole('button', { name: 'Clear filters' }).click()

  for (const text of ['"', 'AND OR NOT', '*:', 'title: (']) {
    await box.fill(text)
    await expect(page.locator('#search-summary')).not.toHaveClass(/field-error/)
  }
  await box.fill('NOT ')
  await expect(page.getByRole('status').filter({ hasText: 'No results for NOT.' })).toBeVisible()

  // Markup in the journal is shown as text, never run.
  journal.core.db
    .prepare("UPDATE reviews SET body_text = '<img src=x onerror=alert(1)> beware' WHERE id = 'r-solaris'")
    .run()
  await box.fill('beware')
  const hit = page.getByRole('button', { name: /Solaris at the BFI/ })
  await expect(hit).toContainText('<img src=x onerror=alert(1)>')
  await expect(hit.locator('img')).toHaveCount(0)

  // Escape in the box clears it; a screening hit opens its film page.
  await box.press('Escape')
  await expect(box).toHaveValue('')
  await box.fill('water sequence')
  await page
    .getByRole('region', { name: /Screenings/ })
    .getByRole('button', { name: /Solaris/ })
    .click()
  await expect(page.getByRole('heading', { name: /Solaris/, level: 1 })).toBeVisible()
})
