import type { Page } from '@playwright/test'
import { test, expect, type Journal } from './support/fixtures'

async function call<T>(journal: Journal, channel: string, input: unknown): Promise<T> {
  const result = await journal.core.dispatch(channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value as T
}

/** The texts kept in the review's history, newest first. */
async function historyTexts(journal: Journal, id: string): Promise<string[]> {
  const versions = await call<{ id: string }[]>(journal, 'reviews.revisions', { id })
  const texts: string[] = []
  for (const v of versions)
    texts.push((await call<{ text: string }>(journal, 'reviews.revision', { revisionId: v.id })).text)
  return texts
}

async function writeInTwoGoes(page: Page) {
  const text = page.getByRole('textbox', { name: 'Review text' })
  const saved = page.getByRole('status').filter({ hasText: /^Saved$/ })
  await text.click()
  await page.keyboard.type('A tender film.')
  await expect(page.getByRole('status').filter({ hasText: /^Unsaved changes$/ })).toBeVisible()
  await expect(saved).toBeVisible()
  await page.keyboard.type(' Also a strange one, and the best thing Phoenix has done.')
  await expect(page.getByRole('status').filter({ hasText: /^Unsaved changes$/ })).toBeVisible()
  await expect(saved).toBeVisible()
}

const FINISHED = 'A tender film. Also a strange one, and the best thing Phoenix has done.'

test('leaving a finished review keeps its last text in History, not a snapshot from mid-typing', async ({
  page,
  journal
}) => {
  const her = await call<{ id: string }>(journal, 'reviews.create', { title: 'Her' })
  await call(journal, 'reviews.create', { title: 'Elsewhere' })
  await journal.open(page)
  await page.getByRole('button', { name: /^Her/ }).click()
  await writeInTwoGoes(page)
  await page.getByRole('button', { name: /^Elsewhere/ }).click()
  await expect(page.getByRole('textbox', { name: 'Review title' })).toHaveValue('Elsewhere')
  // One sitting is one version, holding what the critic finished with.
  await expect.poll(() => historyTexts(journal, her.id)).toEqual([FINISHED])
})

test('a pause in writing keeps the text so far in History', async ({ page, journal }) => {
  const her = await call<{ id: string }>(journal, 'reviews.create', { title: 'Her' })
  await journal.open(page)
  await page.getByRole('button', { name: /^Her/ }).click()
  await writeInTwoGoes(page)
  // The critic stops to think, the review still open.
  await expect.poll(() => historyTexts(journal, her.id), { timeout: 15_000 }).toEqual([FINISHED])
})

test('opening History shows the text as it is now as the newest version', async ({ page, journal }) => {
  const her = await call<{ id: string }>(journal, 'reviews.create', { title: 'Her' })
  await journal.open(page)
  await page.getByRole('button', { name: /^Her/ }).click()
  await writeInTwoGoes(page)
  await page.getByRole('button', { name: 'History' }).click()
  const versions = page.getByRole('list', { name: 'Versions' }).getByRole('button')
  await expect(versions).toHaveCount(1)
  await expect(versions.first()).toContainText('14 words')
  await versions.first().click()
  await expect(page.getByTestId('revision-diff')).toContainText('0 words added, 0 removed')
  expect(await historyTexts(journal, her.id)).toEqual([FINISHED])
})
