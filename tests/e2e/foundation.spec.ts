import { execFileSync } from 'node:child_process'
import { test, expect, expectAccessible, typeInEditor } from './support/fixtures'

test('a review written in the browser survives a reload and is listed by the CLI', async ({
  page,
  journal
}) => {
  await journal.open(page)
  await expect(page.getByRole('heading', { name: 'Welcome to Review Journal' })).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('button', { name: 'Start writing' }).click()
  await page.getByRole('textbox', { name: 'Review title' }).fill('A quiet masterpiece')
  await typeInEditor(page, 'The first paragraph. ')
  await page.keyboard.press('Control+b')
  await page.keyboard.type('Bold words')
  await page.keyboard.press('Control+b')
  await page.keyboard.press('Enter')
  await page.keyboard.type('A second paragraph.')
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  await expectAccessible(page)

  await page.reload()
  await page.getByRole('button', { name: /A quiet masterpiece/ }).click()
  const editor = page.getByRole('textbox', { name: 'Review text' })
  await expect(editor.locator('strong, .ed-bold')).toHaveText('Bold words')
  await expect(editor).toContainText('A second paragraph.')

  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'src/hosts/cli/index.ts', '--data-dir', journal.dataDir, 'list', 'reviews', '--json'],
    {
      encoding: 'utf8'
    }
  )
  const reviews = JSON.parse(out) as { title: string; wordCount: number }[]
  expect(reviews).toHaveLength(1)
  expect(reviews[0].title).toBe('A quiet masterpiece')
  expect(reviews[0].wordCount).toBe(8)
})

test('the sample journal opens from the first run and is removed in one step', async ({ page, journal }) => {
  await journal.open(page)
  await page.getByRole('button', { name: 'Open the sample journal' }).click()
  await expect(page.getByRole('button', { name: /Sunrise still glows/ })).toBeVisible()

  await page.getByRole('button', { name: 'Screenings' }).click()
  await expect(page.getByRole('cell', { name: /The General/ })).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('button', { name: 'Responses' }).click()
  await expect(page.getByText('Booked for Saturday. Thank you!')).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('button', { name: 'Remove sample' }).click()
  await expect(page.getByText('The sample journal was removed.')).toBeVisible()
  const counts = journal.core.db
    .prepare('SELECT (SELECT count(*) FROM reviews) AS r, (SELECT count(*) FROM screenings) AS s')
    .get()
  expect(counts).toEqual({ r: 0, s: 0 })
})

test('every screen is reachable by keyboard alone', async ({ page, journal }) => {
  await journal.open(page)
  await page.getByRole('button', { name: 'Start writing' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('textbox', { name: 'Review title' })).toBeVisible()
  await page.keyboard.press('Control+2')
  await expect(page.getByRole('heading', { name: 'Screenings' })).toBeVisible()
  await expect(page.getByText('No screenings logged yet.')).toBeVisible()
  await page.keyboard.press('Control+3')
  await expect(page.getByRole('heading', { name: 'Responses' })).toBeVisible()
  await expectAccessible(page)
})
