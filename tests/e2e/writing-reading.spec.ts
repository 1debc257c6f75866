import type { Page } from '@playwright/test'
import { test, expect, type Journal } from './support/fixtures'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'
import { markdownToLexical } from '../../src/shared/conversions/markdown'
import type { LexicalDoc } from '../../src/shared/domain'

async function call<T>(journal: Journal, channel: string, input: unknown): Promise<T> {
  const result = await journal.core.dispatch(channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value as T
}

/** Counts the saves the page sends, as the host receives them. */
function countSaves(page: Page): () => number {
  let saves = 0
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/reviews.save')) saves++
  })
  return () => saves
}

/**
 * A post as an importer writes it: formatted, and with two neighbouring runs of plain text that
 * the editor joins into one when it loads them (its first normalisation).
 */
function importedBody(): LexicalDoc {
  const doc = markdownToLexical(
    'Some **bold** words, a ||spoiler||, and a list:\n\n- one\n- two\n\n> A quote.'
  )
  const first = doc.root.children[0] as { children: Record<string, unknown>[] }
  first.children.push({
    type: 'text',
    version: 1,
    text: ' Joined',
    format: 0,
    style: '',
    mode: 'normal',
    detail: 0
  })
  first.children.push({
    type: 'text',
    version: 1,
    text: ' on load.',
    format: 0,
    style: '',
    mode: 'normal',
    detail: 0
  })
  return doc
}

test('opening a review to read it saves nothing: no new version, no new time, no reordering', async ({
  page,
  journal
}) => {
  const old = await call<{ id: string }>(journal, 'reviews.create', {
    title: 'Imported in 2011',
    body: importedBody()
  })
  await call(journal, 'reviews.create', { title: 'Written today', body: plainTextToLexical('Fresh words.') })
  journal.core.db
    .prepare(
      "UPDATE reviews SET created_at = '2011-05-01T10:00:00.000Z', updated_at = '2011-05-01T10:00:00.000Z' WHERE id = ?"
    )
    .run(old.id)
  const saves = countSaves(page)
  await journal.open(page)
  const titles = page.getByRole('list', { name: 'Reviews' }).locator('.item-title')
  await expect(titles).toHaveText(['Written today', 'Imported in 2011'])

  await page.getByRole('button', { name: /Imported in 2011/ }).click()
  const text = page.getByRole('textbox', { name: 'Review text' })
  await expect(text).toContainText('Joined on load.')
  // Reading: the caret placed in the text and moved about, but nothing typed.
  await text.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.press('ArrowUp')
  // Well past the autosave's pause (600 ms).
  await page.waitForTimeout(1500)

  await expect(page.getByRole('status').filter({ hasText: /Saved|Unsaved|Saving/ })).toHaveText('Saved')
  await expect(titles).toHaveText(['Written today', 'Imported in 2011'])
  expect(saves()).toBe(0)
  expect(await call<unknown[]>(journal, 'reviews.revisions', { id: old.id })).toEqual([])
  const row = journal.core.db.prepare('SELECT updated_at FROM reviews WHERE id = ?').get(old.id) as {
    updated_at: string
  }
  expect(row.updated_at).toBe('2011-05-01T10:00:00.000Z')
  await page.getByRole('button', { name: 'History' }).click()
  await expect(page.getByText('No earlier versions yet.', { exact: false })).toBeVisible()
  await page.keyboard.press('Escape')

  // Switching away and back is reading too.
  await page.getByRole('button', { name: /Written today/ }).click()
  await expect(text).toHaveText('Fresh words.')
  await page.getByRole('button', { name: /Imported in 2011/ }).click()
  await expect(text).toContainText('Joined on load.')
  await page.waitForTimeout(1000)
  await expect(titles).toHaveText(['Written today', 'Imported in 2011'])
  expect(saves()).toBe(0)
})

test('typing after reading saves at once, and the review moves to the top', async ({ page, journal }) => {
  const old = await call<{ id: string }>(journal, 'reviews.create', {
    title: 'Imported in 2011',
    body: importedBody()
  })
  await call(journal, 'reviews.create', { title: 'Written today', body: plainTextToLexical('Fresh words.') })
  journal.core.db
    .prepare("UPDATE reviews SET updated_at = '2011-05-01T10:00:00.000Z' WHERE id = ?")
    .run(old.id)
  await journal.open(page)
  await page.getByRole('button', { name: /Imported in 2011/ }).click()
  const text = page.getByRole('textbox', { name: 'Review text' })
  await expect(text).toContainText('Joined on load.')
  await text.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' Revisited.')
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  await expect
    .poll(async () => (await call<{ text: string }>(journal, 'reviews.get', { id: old.id })).text)
    .toContain('A quote. Revisited.')
  await expect(page.getByRole('list', { name: 'Reviews' }).locator('.item-title')).toHaveText([
    'Imported in 2011',
    'Written today'
  ])
})
