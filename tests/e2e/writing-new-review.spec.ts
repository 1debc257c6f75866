import { test, expect, type Journal } from './support/fixtures'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'

async function call<T>(journal: Journal, channel: string, input: unknown): Promise<T> {
  const result = await journal.core.dispatch(channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value as T
}

async function savedTitles(journal: Journal): Promise<string[]> {
  return (await call<{ title: string }[]>(journal, 'reviews.list', { scope: 'live' })).map((r) => r.title)
}

test('"New review" puts the cursor in the new title, and what is typed straight after lands there', async ({
  page,
  journal
}) => {
  await call(journal, 'reviews.create', { title: 'Her', body: plainTextToLexical('A tender film.') })
  await journal.open(page)
  await page.getByRole('button', { name: /^Her/ }).click()
  await expect(page.getByRole('textbox', { name: 'Review title' })).toHaveValue('Her')

  await page.getByRole('button', { name: 'New review' }).click()
  await page.keyboard.type('Under the Skin')
  const title = page.getByRole('textbox', { name: 'Review title' })
  await expect(title).toBeFocused()
  await expect(title).toHaveValue('Under the Skin')
  await expect.poll(() => savedTitles(journal)).toEqual(['Under the Skin', 'Her'])
  // Enter goes on to the text, as in WordPress's editor.
  await page.keyboard.press('Enter')
  await expect(page.getByRole('textbox', { name: 'Review text' })).toBeFocused()
})

test('Ctrl+N from the text of an open review starts a new one with the cursor in its title', async ({
  page,
  journal
}) => {
  await call(journal, 'reviews.create', { title: 'Her', body: plainTextToLexical('A tender film.') })
  await journal.open(page)
  await page.getByRole('button', { name: /^Her/ }).click()
  const text = page.getByRole('textbox', { name: 'Review text' })
  await text.click()
  await page.keyboard.press('Control+End')

  await page.keyboard.press('Control+n')
  await page.keyboard.type('Zama')
  const title = page.getByRole('textbox', { name: 'Review title' })
  await expect(title).toBeFocused()
  await expect(title).toHaveValue('Zama')
  await expect(text).toHaveText('')
  await expect.poll(() => savedTitles(journal)).toEqual(['Zama', 'Her'])
  expect((await call<{ text: string }[]>(journal, 'reviews.list', { scope: 'live' }))[1]).toMatchObject({
    title: 'Her'
  })
  expect(
    (
      await call<{ text: string }>(journal, 'reviews.get', {
        id: (await call<{ id: string }[]>(journal, 'reviews.list', { scope: 'live' }))[1]!.id
      })
    ).text
  ).toBe('A tender film.')
})

test('Ctrl+N from another screen opens the new review with the cursor in its title', async ({
  page,
  journal
}) => {
  await call(journal, 'reviews.create', { title: 'Her' })
  await journal.open(page)
  await page.getByRole('button', { name: 'Screenings', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Screenings' })).toBeVisible()
  await page.keyboard.press('Control+n')
  await page.keyboard.type('Aftersun')
  const title = page.getByRole('textbox', { name: 'Review title' })
  await expect(title).toBeFocused()
  await expect(title).toHaveValue('Aftersun')
})

test('"Start writing" on an empty journal puts the cursor in the first review\'s title', async ({
  page,
  journal
}) => {
  await journal.open(page)
  await page.getByRole('button', { name: 'Start writing' }).click()
  await page.keyboard.type('First light')
  await expect(page.getByRole('textbox', { name: 'Review title' })).toHaveValue('First light')
  await expect.poll(() => savedTitles(journal)).toEqual(['First light'])
})

test('going to another screen while a new review is being made stays there, and keeps what was typed', async ({
  page,
  journal
}) => {
  await call(journal, 'reviews.create', { title: 'Her', body: plainTextToLexical('A tender film.') })
  await journal.open(page)
  await expect(page.getByRole('button', { name: /^Her/ })).toBeVisible()
  // The journal takes its time to make the review, as a busy disk would.
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/reviews.create', async (route) => {
    await held
    await route.continue()
  })
  await page.keyboard.press('Control+n')
  await expect(page.getByRole('textbox', { name: 'Review title' })).toBeFocused()
  await page.keyboard.type('Under the Skin')
  await page.keyboard.press('Control+2')
  await expect(page.getByRole('heading', { name: 'Screenings', level: 1 })).toBeVisible()
  release()
  await expect.poll(() => savedTitles(journal)).toEqual(['Under the Skin', 'Her'])
  // Still where the critic went; the review waits in the list with its title.
  await expect(page.getByRole('heading', { name: 'Screenings', level: 1 })).toBeVisible()
  await page.keyboard.press('Control+1')
  await expect(page.getByRole('button', { name: /^Under the Skin/ })).toBeVisible()
})
