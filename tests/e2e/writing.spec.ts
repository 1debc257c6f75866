import type { Page } from '@playwright/test'
import { test, expect, expectAccessible, typeInEditor, type Journal } from './support/fixtures'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'

async function call<T>(journal: Journal, channel: string, input: unknown): Promise<T> {
  const result = await journal.core.dispatch(channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value as T
}

async function savedText(journal: Journal, id: string): Promise<string> {
  return (await call<{ text: string }>(journal, 'reviews.get', { id })).text
}

async function openReview(page: Page, title: string) {
  await page
    .getByRole('button', { name: new RegExp(title) })
    .first()
    .click()
  await expect(page.getByRole('textbox', { name: 'Review title' })).toHaveValue(title)
}

test('text typed just before switching review (within 50 ms) is saved', async ({ page, journal }) => {
  const a = await call<{ id: string }>(journal, 'reviews.create', { title: 'Alpha' })
  await call(journal, 'reviews.create', { title: 'Beta' })
  await journal.open(page)
  await openReview(page, 'Alpha')
  await typeInEditor(page, 'Every word of this must survive the switch')
  await page.waitForTimeout(20)
  await page.getByRole('button', { name: /Beta/ }).click()
  await expect.poll(() => savedText(journal, a.id)).toBe('Every word of this must survive the switch')
  await openReview(page, 'Alpha')
  await expect(page.getByRole('textbox', { name: 'Review text' })).toHaveText(
    'Every word of this must survive the switch'
  )
})

test('text typed just before the page closes is there when it reopens', async ({
  page,
  journal,
  context
}) => {
  const a = await call<{ id: string }>(journal, 'reviews.create', { title: 'Closing' })
  await journal.open(page)
  await openReview(page, 'Closing')
  await typeInEditor(page, 'Written a moment before the window closed')
  await page.close({ runBeforeUnload: true })

  const again = await context.newPage()
  await journal.open(again)
  await openReview(again, 'Closing')
  await expect(again.getByRole('textbox', { name: 'Review text' })).toHaveText(
    'Written a moment before the window closed'
  )
  await expect.poll(() => savedText(journal, a.id)).toBe('Written a moment before the window closed')
})

test('history shows what changed since a version and restores it', async ({ page, journal }) => {
  const review = await call<{ id: string }>(journal, 'reviews.create', {
    title: 'Her',
    body: plainTextToLexical('A tender film.')
  })
  await call(journal, 'reviews.setStatus', { id: review.id, status: 'ready' })
  await journal.open(page)
  await openReview(page, 'Her')
  const editor = page.getByRole('textbox', { name: 'Review text' })
  await editor.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' Also a strange one.')
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()

  await page.getByRole('button', { name: 'History' }).click()
  await page.getByRole('button', { name: /Marked ready to publish/ }).click()
  const diff = page.getByTestId('revision-diff')
  await expect(diff.locator('ins')).toContainText('Also a strange one.')
  await expect(diff).toContainText('4 words added, 0 removed')
  await expectAccessible(page)

  await page.getByRole('button', { name: 'Preview' }).click()
  await expect(page.locator('.revision-preview')).toContainText('A tender film.')
  await page.getByRole('button', { name: 'Restore this version' }).click()
  await expect(editor).toHaveText('A tender film.')
  await expect.poll(() => savedText(journal, review.id)).toBe('A tender film.')
  // The text it replaced is still in history.
  const history = await call<{ reason: string; wordCount: number }[]>(journal, 'reviews.revisions', {
    id: review.id
  })
  expect(history[0]!.reason).toBe('restore')
  expect(history.some((r) => r.wordCount === 7)).toBe(true)
})

test('formats from the toolbar, shortcuts and Markdown; spoilers; a cleaned paste', async ({
  page,
  journal
}) => {
  const review = await call<{ id: string }>(journal, 'reviews.create', { title: 'Formats' })
  await journal.open(page)
  await openReview(page, 'Formats')
  await typeInEditor(page, '## The ending')
  await page.keyboard.press('Enter')
  const editor = page.getByRole('textbox', { name: 'Review text' })
  await expect(editor.locator('h2')).toHaveText('The ending')
  await page.keyboard.type('She was dead all along.')
  for (let i = 0; i < 'dead all along.'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
  await page.keyboard.press('Control+Shift+S')
  await expect(editor.locator('.spoiler')).toHaveText('dead all along.')
  await expect(page.getByRole('button', { name: 'Spoiler' })).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.getByRole('button', { name: 'Bold' }).click()
  await page.keyboard.type('Loud')
  await expect(page.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('Control+b')
  await page.keyboard.press('Enter')

  await editor.evaluate((el) => {
    const data = new DataTransfer()
    data.setData(
      'text/html',
      '<p style="color:red" onclick="alert(1)">Pasted <b>bold</b> <img src="x" onerror="alert(2)"><script>alert(3)</script><a href="javascript:alert(4)">bad</a> <a href="https://example.com">good</a></p>'
    )
    data.setData('text/plain', 'Pasted bold bad good')
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
  await expect(editor).toContainText('Pasted bold bad good')
  await expect(editor.locator('img, script, [style*="color"], [onclick]')).toHaveCount(0)
  await expect(editor.locator('a')).toHaveCount(1)
  await expect(editor.locator('a')).toHaveAttribute('href', 'https://example.com')
  await expectAccessible(page)

  await expect
    .poll(async () =>
      JSON.stringify((await call<{ body: unknown }>(journal, 'reviews.get', { id: review.id })).body)
    )
    .toContain('"type":"spoiler"')
  const saved = await call<{ body: unknown; text: string }>(journal, 'reviews.get', { id: review.id })
  expect(saved.text).toContain('Pasted bold bad good')
})

test('a key handled on keydown uses the caret the browser just moved, before selectionchange arrives', async ({
  page,
  journal
}) => {
  await call(journal, 'reviews.create', { title: 'Caret' })
  await journal.open(page)
  await openReview(page, 'Caret')
  await typeInEditor(page, 'She was dead all along.')
  for (let i = 0; i < 'dead all along.'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
  const editor = page.getByRole('textbox', { name: 'Review text' })
  // On a busy page Chromium runs key presses before the queued selectionchange of an earlier
  // caret move. Moving the caret and pressing Enter in one task reproduces that order every time.
  await editor.evaluate((root) => {
    root.ownerDocument.getSelection()!.collapseToEnd()
    root.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true })
    )
  })
  await expect(editor.locator('p')).toHaveCount(2)
  await expect(editor.locator('p').first()).toHaveText('She was dead all along.')
})

test('the writing aids count words, characters and reading time as the critic types', async ({
  page,
  journal
}) => {
  await call(journal, 'reviews.create', { title: 'Counted' })
  await journal.open(page)
  await openReview(page, 'Counted')
  await expect(page.getByTestId('word-count')).toHaveText('0 words')
  await typeInEditor(page, "It isn't a well-made film.")
  const aids = page.getByLabel('Writing aids')
  await expect(page.getByTestId('word-count')).toHaveText('5 words')
  await expect(aids).toContainText('26 characters')
  await expect(aids).toContainText('1 min read')
})

test('a long reviews list shows only what is in view and is walked by keyboard', async ({
  page,
  journal
}) => {
  const ids: string[] = []
  for (let i = 1; i <= 400; i++) {
    ids.push((await call<{ id: string }>(journal, 'reviews.create', { title: `Review number ${i}` })).id)
  }
  await journal.open(page)
  const list = page.getByRole('list', { name: 'Reviews' })
  await expect(list.getByRole('button', { name: /Review number 400\b/ })).toBeVisible()
  expect(await list.getByRole('listitem').count()).toBeLessThan(100)

  await list.getByRole('button', { name: /Review number 400\b/ }).focus()
  await page.keyboard.press('ArrowDown')
  await expect(list.getByRole('button', { name: /Review number 399\b/ })).toBeFocused()
  await page.keyboard.press('End')
  await expect(list.getByRole('button', { name: /Review number 1\b/ })).toBeFocused()
  await expect(list.getByRole('listitem').last()).toHaveAttribute('aria-posinset', '400')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('textbox', { name: 'Review title' })).toHaveValue('Review number 1')
  // Back from another screen, the list shows the open review where it is, not its top.
  await page.keyboard.press('Control+2')
  await expect(page.getByRole('heading', { name: 'Screenings', level: 1 })).toBeVisible()
  await page.keyboard.press('Control+1')
  await expect(list.getByRole('button', { name: /Review number 1\b/ })).toBeInViewport()
  await list.getByRole('button', { name: /Review number 1\b/ }).focus()
  await page.keyboard.press('Home')
  await expect(list.getByRole('button', { name: /Review number 400\b/ })).toBeFocused()
  // A change elsewhere moves the oldest review to the top: focus stays on the same review.
  await page.keyboard.press('ArrowDown')
  await call(journal, 'reviews.save', { id: ids[0], rating: 3 })
  await expect(
    list
      .getByRole('listitem')
      .first()
      .getByRole('button', { name: /Review number 1\b/ })
  ).toBeVisible()
  await expect(list.getByRole('button', { name: /Review number 399\b/ })).toBeFocused()
  await expectAccessible(page)
})

test('rating by keyboard, details and the trash round trip', async ({ page, journal }) => {
  const review = await call<{ id: string }>(journal, 'reviews.create', { title: 'Rated' })
  await journal.open(page)
  await openReview(page, 'Rated')
  const slider = page.getByRole('slider', { name: 'Rating' })
  await slider.focus()
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight')
  await expect(slider).toHaveAttribute('aria-valuetext', '3.5 out of 5 stars')
  await page.getByRole('switch', { name: 'Responses closed' }).check()
  await page.getByLabel('Target length').fill('10')
  await expect(page.getByText('A target is at least 50 words')).toBeVisible()
  await page.getByLabel('Target length').fill('800')
  await expect
    .poll(
      async () =>
        await call<{ rating: number; responsesClosed: boolean; targetWords: number }>(
          journal,
          'reviews.get',
          { id: review.id }
        )
    )
    .toMatchObject({
      rating: 3.5,
      responsesClosed: true,
      targetWords: 800
    })
  await expect(page.getByText(/800 to go/)).toBeVisible()

  await page.getByRole('button', { name: 'Move to trash' }).click()
  await expect(page.getByText('“Rated” moved to the trash.')).toBeVisible()
  await page.getByRole('button', { name: 'Trash' }).click()
  await expect(page.getByRole('heading', { name: 'Trash' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Trashed reviews' }).locator('.item-title')).toHaveText([
    'Rated'
  ])
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Empty trash…' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.getByRole('button', { name: 'Keep' }).click()
  expect((await journal.core.dispatch('reviews.get', { id: review.id })).ok).toBe(true)
  await page.getByRole('button', { name: /^Restore/ }).click()
  await expect(page.getByText('The trash is empty.')).toBeVisible()
  const list = await call<{ title: string }[]>(journal, 'reviews.list', { scope: 'live' })
  expect(list.map((r) => r.title)).toEqual(['Rated'])
})

test('publishing asks for the outlet and names the kept version after it', async ({ page, journal }) => {
  const review = await call<{ id: string }>(journal, 'reviews.create', {
    title: 'Published',
    body: plainTextToLexical('Final words.')
  })
  await journal.open(page)
  await openReview(page, 'Published')
  await page.getByRole('radio', { name: 'Published' }).click()
  await page.getByRole('button', { name: 'Mark published' }).click()
  await expect(page.getByText('Name the outlet it was published in')).toBeVisible()
  await page.getByLabel('Outlet').fill('Sight and Sound')
  await page.getByLabel('Published address (optional)').fill('not a url')
  await page.getByRole('button', { name: 'Mark published' }).click()
  await expect(page.getByText('Enter the full web address, starting with https://')).toBeVisible()
  await page.getByLabel('Published address (optional)').fill('https://example.com/her')
  await page.getByLabel('Published on').fill('2024-05-02')
  await page.getByRole('button', { name: 'Mark published' }).click()
  await expect(page.getByRole('radio', { name: 'Published' })).toHaveAttribute('aria-checked', 'true')
  const history = await call<{ label: string | null }[]>(journal, 'reviews.revisions', { id: review.id })
  expect(history[0]!.label).toBe('the version that was published to Sight and Sound on 2024-05-02')
  await expectAccessible(page)
})
