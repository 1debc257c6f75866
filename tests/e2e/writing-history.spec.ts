import type { Page } from '@playwright/test'
import { call, expect, historyTexts, storedText, test, type Journal } from './support/fixtures'

/**
 * Writes in two goes, each saved before the next: the journal is asked for the text, since the
 * "Unsaved changes" status lasts only the save's short delay and a busy machine can miss it.
 */
async function writeInTwoGoes(page: Page, journal: Journal, id: string) {
  await page.getByRole('textbox', { name: 'Review text' }).click()
  await page.keyboard.type('A tender film.')
  await expect.poll(() => storedText(journal, id)).toBe('A tender film.')
  await page.keyboard.type(' Also a strange one, and the best thing Phoenix has done.')
  await expect.poll(() => storedText(journal, id)).toBe(FINISHED)
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
}

const FINISHED = 'A tender film. Also a strange one, and the best thing Phoenix has done.'

test('leaving a finished review keeps its last text in History, not a snapshot from mid-typing', async ({
  page,
  journal
}) => {
  const her = await call(journal, 'reviews.create', { title: 'Her' })
  await call(journal, 'reviews.create', { title: 'Elsewhere' })
  await journal.open(page)
  await page.getByRole('button', { name: /^Her/ }).click()
  await writeInTwoGoes(page, journal, her.id)
  await page.getByRole('button', { name: /^Elsewhere/ }).click()
  await expect(page.getByRole('textbox', { name: 'Review title' })).toHaveValue('Elsewhere')
  // One sitting is one version, holding what the critic finished with.
  await expect.poll(() => historyTexts(journal, her.id)).toEqual([FINISHED])
})

test('a pause in writing keeps the text so far in History', async ({ page, journal }) => {
  const her = await call(journal, 'reviews.create', { title: 'Her' })
  await journal.open(page)
  await page.getByRole('button', { name: /^Her/ }).click()
  await writeInTwoGoes(page, journal, her.id)
  // The critic stops to think, the review still open.
  await expect.poll(() => historyTexts(journal, her.id), { timeout: 15_000 }).toEqual([FINISHED])
})

test('opening History shows the text as it is now as the newest version', async ({ page, journal }) => {
  const her = await call(journal, 'reviews.create', { title: 'Her' })
  await journal.open(page)
  await page.getByRole('button', { name: /^Her/ }).click()
  await writeInTwoGoes(page, journal, her.id)
  await page.getByRole('button', { name: 'History' }).click()
  const versions = page.getByRole('list', { name: 'Versions' }).getByRole('button')
  await expect(versions).toHaveCount(1)
  await expect(versions.first()).toContainText('14 words')
  await versions.first().click()
  await expect(page.getByTestId('revision-diff')).toContainText('0 words added, 0 removed')
  expect(await historyTexts(journal, her.id)).toEqual([FINISHED])
})
