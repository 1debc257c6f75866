import type { Page } from '@playwright/test'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'
import {
  call,
  expect,
  expectAccessible,
  historyTexts,
  storedText,
  test,
  type Journal
} from './support/fixtures'

/**
 * Another computer's words arrive while a review is open: a sync round writes the merged body
 * through the core, with no base version, and the core announces it. Written here the same way.
 */
async function landFromAnotherComputer(journal: Journal, id: string, text: string): Promise<void> {
  await call(journal, 'reviews.save', { id, body: plainTextToLexical(text) })
}

async function openReview(page: Page, journal: Journal, title: string, text: string): Promise<string> {
  const review = await call(journal, 'reviews.create', { title, body: plainTextToLexical(text) })
  await journal.open(page)
  await page.getByRole('button', { name: new RegExp(`^${title}`) }).click()
  await expect(page.getByRole('textbox', { name: 'Review text' })).toHaveText(text)
  return review.id
}

const saved = (page: Page) => page.getByRole('status').filter({ hasText: /^Saved$/ })
const KEPT_NOTICE = 'This review changed on another computer while you typed; their version is in History.'

test('an open review shows the words another computer wrote, and typing after them keeps both', async ({
  page,
  journal
}) => {
  const id = await openReview(page, journal, 'Stalker', 'The Zone.')
  const text = page.getByRole('textbox', { name: 'Review text' })
  // The critic is not in the text (reading it, or the list): their words show in place. While
  // the critic is in it, nothing is shown over it (see the last test: History keeps theirs).
  await landFromAnotherComputer(journal, id, 'The Zone. Written on the laptop.')
  await expect(text).toHaveText('The Zone. Written on the laptop.')

  // Undo takes back only what is typed here: never the text from before their words arrived.
  await text.click()
  await page.keyboard.press('End')
  await page.keyboard.type('!')
  await expect(text).toHaveText('The Zone. Written on the laptop.!')
  await page.keyboard.press('Control+z')
  await expect(text).toHaveText('The Zone. Written on the laptop.')
  await page.keyboard.press('Control+z')
  await expect(text).toHaveText('The Zone. Written on the laptop.')

  await page.keyboard.press('End')
  await page.keyboard.type(' Typed here.')
  await expect(saved(page)).toBeVisible()
  await expect.poll(() => storedText(journal, id)).toBe('The Zone. Written on the laptop. Typed here.')
  await expect(page.getByText(KEPT_NOTICE)).toHaveCount(0)
})

test('the editor’s own saves do not move the caret or reload the text', async ({ page, journal }) => {
  const id = await openReview(page, journal, 'Mirror', 'Wind.')
  await page.getByRole('textbox', { name: 'Review text' }).click()
  await page.keyboard.press('End')
  await page.keyboard.type(' In the grass.')
  await expect(saved(page)).toBeVisible()
  await page.keyboard.press('Home')
  await page.keyboard.type('Soft ')
  await expect(saved(page)).toBeVisible()
  await page.keyboard.type('green ')
  await expect(saved(page)).toBeVisible()
  await expect.poll(() => storedText(journal, id)).toBe('Soft green Wind. In the grass.')
})

test('a save over words another computer wrote meanwhile keeps theirs in History and says so', async ({
  page,
  journal
}) => {
  const id = await openReview(page, journal, 'Solaris', 'Ocean.')
  await page.getByRole('textbox', { name: 'Review text' }).click()
  await page.keyboard.press('End')
  // Their words land while the critic is in the text: nothing is shown over it, so the words
  // typed next are saved over a body the editor never showed.
  await landFromAnotherComputer(journal, id, 'Ocean. From the laptop.')
  await page.keyboard.type(' Desk.')

  await expect(page.getByText(KEPT_NOTICE)).toBeVisible()
  await expect(saved(page)).toBeVisible()
  expect(await storedText(journal, id)).toBe('Ocean. Desk.')
  expect(await historyTexts(journal, id)).toContain('Ocean. From the laptop.')
  await expectAccessible(page)

  await page.getByRole('button', { name: 'History' }).click()
  const history = page.getByRole('dialog', { name: 'History' })
  await expect(history.getByText(/version from another computer/)).toBeVisible()
})

test('a title and details written elsewhere show in the open review', async ({ page, journal }) => {
  const id = await openReview(page, journal, 'Ivan', 'Childhood.')
  await call(journal, 'reviews.save', {
    id,
    title: 'Ivan’s Childhood',
    standfirst: 'A war film.',
    targetWords: 800
  })
  await expect(page.getByRole('textbox', { name: 'Review title' })).toHaveValue('Ivan’s Childhood')
  await expect(page.getByLabel('Standfirst')).toHaveValue('A war film.')
  await expect(page.getByRole('spinbutton', { name: 'Target length' })).toHaveValue('800')
  await expect(page.getByRole('textbox', { name: 'Review text' })).toHaveText('Childhood.')
})
