import { readFileSync } from 'node:fs'
import { test, expect, expectAccessible } from './support/fixtures'
import type { Core } from '../../src/main/core'

const NOTE = `---
title: Paris, Texas
film: Paris, Texas (1984)
rating: 4.5
tags: [road movie]
---
Travis walks out of the desert.
`

async function reviewTitles(core: Core): Promise<string[]> {
  const result = await core.dispatch('reviews.list', {})
  if (!result.ok) throw new Error(result.error.message)
  return (result.value as { title: string }[]).map((r) => r.title).sort()
}

test('imports a Markdown note in the browser: preview first, then commit, with undo offered', async ({
  page,
  journal
}) => {
  await journal.core.dispatch('reviews.create', { title: 'Already here' })
  await journal.open(page)
  await page.getByRole('button', { name: 'Import & export' }).click()
  await expect(page.getByRole('heading', { name: 'Import and export' })).toBeVisible()
  await expectAccessible(page)

  await page
    .getByLabel('Choose a file…')
    .setInputFiles({ name: 'paris.md', mimeType: 'text/markdown', buffer: Buffer.from(NOTE) })
  const preview = page.getByRole('table', { name: /Preview of importing paris\.md/ })
  await expect(preview).toBeVisible({ timeout: 30_000 })
  await expect(preview.getByRole('row', { name: /Reviews/ })).toContainText('1')
  await expect(preview.getByRole('row', { name: /Films/ })).toBeVisible()
  await expectAccessible(page)
  // The preview wrote nothing.
  expect(await reviewTitles(journal.core)).toEqual(['Already here'])

  await page.getByRole('button', { name: 'Import paris.md' }).click()
  await expect(page.getByRole('table', { name: /Imported paris\.md/ })).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('button', { name: 'Undo this import' })).toBeVisible()
  expect(await reviewTitles(journal.core)).toEqual(['Already here', 'Paris, Texas'])
  await expectAccessible(page)

  await page.getByRole('button', { name: 'Reviews', exact: true }).click()
  await expect(page.getByRole('button', { name: /Paris, Texas/ }).first()).toBeVisible()
})

test('a file dropped on the window opens Import with its preview; a bad file gets one clear message', async ({
  page,
  journal
}) => {
  await journal.core.dispatch('reviews.create', { title: 'Already here' })
  await journal.open(page)
  await page.getByRole('button', { name: 'Reviews', exact: true }).waitFor()
  await page.evaluate((text) => {
    const data = new DataTransfer()
    data.items.add(new File([text], 'dropped.md', { type: 'text/markdown' }))
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, cancelable: true }))
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }))
  }, NOTE)
  await expect(page.getByRole('table', { name: /Preview of importing dropped\.md/ })).toBeVisible({
    timeout: 30_000
  })

  await page.getByRole('button', { name: 'Choose another file' }).click()
  await page.getByLabel('Choose a file…').setInputFiles({
    name: 'photo.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])
  })
  await expect(page.getByRole('alert')).toContainText('photo.jpg is not a file Review Journal can import', {
    timeout: 30_000
  })
  await expectAccessible(page)
})

test('exports the journal as an archive download, by keyboard alone', async ({ page, journal }) => {
  await journal.core.dispatch('reviews.create', { title: 'To be archived' })
  await journal.open(page)
  await page.getByRole('button', { name: 'Reviews', exact: true }).waitFor()
  await page.keyboard.press('Control+6')
  await expect(page.getByRole('heading', { name: 'Import and export' })).toBeVisible()
  await page.getByRole('radio', { name: /Review Journal archive/ }).focus()
  await expect(page.getByRole('radio', { name: /Review Journal archive/ })).toBeChecked()
  const downloading = page.waitForEvent('download', { timeout: 30_000 })
  await page.getByRole('button', { name: 'Export…' }).focus()
  await page.keyboard.press('Enter')
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^review-journal-\d{4}-\d{2}-\d{2}\.rjarchive$/)
  const bytes = readFileSync(await download.path())
  expect(bytes.subarray(0, 2).toString()).toBe('PK')
  await expect(page.getByRole('status').filter({ hasText: /Exported .*1 review/ })).toBeVisible()
  await expectAccessible(page)
})
