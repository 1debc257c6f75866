import { test, expect, expectAccessible, type Journal } from './support/fixtures'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'

async function call<T>(journal: Journal, channel: string, input: unknown): Promise<T> {
  const result = await journal.core.dispatch(channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value as T
}

async function savedTags(journal: Journal, id: string): Promise<string[]> {
  return (await call<{ tags: string[] }>(journal, 'reviews.get', { id })).tags
}

test('tags: Enter or a comma makes a tag; leaving the box keeps half-typed text as text; Escape clears it', async ({
  page,
  journal
}) => {
  const review = await call<{ id: string }>(journal, 'reviews.create', { title: 'Her' })
  await journal.open(page)
  await page.getByRole('button', { name: /^Her/ }).click()
  const box = page.getByRole('combobox', { name: 'Add a tag' })
  await box.click()
  await page.keyboard.type('romance')
  await page.keyboard.press('Enter')
  await page.keyboard.type('sci-fi,')
  await expect(page.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText([
    'romance×',
    'sci-fi×'
  ])

  // Half a word, then away to the rating: no "dra" tag.
  await page.keyboard.type('dra')
  await page.keyboard.press('Tab')
  await expect(box).toHaveValue('dra')
  await expect(page.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveCount(2)
  await expect.poll(() => savedTags(journal, review.id)).toEqual(['romance', 'sci-fi'])
  await page.getByRole('textbox', { name: 'Review text' }).click()
  await page.waitForTimeout(800)
  expect(await savedTags(journal, review.id)).toEqual(['romance', 'sci-fi'])

  // Back in the box, Escape clears the typed text and makes nothing.
  await box.click()
  await page.keyboard.press('Escape')
  await expect(box).toHaveValue('')
  await page.keyboard.type('s')
  await page.keyboard.press('Escape')
  await expect(box).toHaveValue('')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveCount(2)
  expect(await savedTags(journal, review.id)).toEqual(['romance', 'sci-fi'])
})

test('the list and the counters say "1 word", not "1 words"', async ({ page, journal }) => {
  await call(journal, 'reviews.create', { title: 'Short', body: plainTextToLexical('Yes.') })
  await journal.open(page)
  await expect(page.getByRole('button', { name: /^Short/ })).toContainText('1 word')
  await expect(page.getByRole('button', { name: /^Short/ })).not.toContainText('1 words')
  await page.getByRole('button', { name: /^Short/ }).click()
  await expect(page.getByTestId('word-count')).toHaveText('1 word')
  await expect(page.getByLabel('Writing aids')).toContainText('4 characters')
  await page.getByRole('textbox', { name: 'Review text' }).click()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('A')
  await expect(page.getByLabel('Writing aids')).toContainText('1 character')
  await expect(page.getByLabel('Writing aids')).not.toContainText('1 characters')
  await page.getByRole('button', { name: 'History' }).click()
  await expect(page.getByRole('list', { name: 'Versions' })).toContainText('1 word')
  await expect(page.getByRole('list', { name: 'Versions' })).not.toContainText('1 words')
  await expectAccessible(page)
})

test('a spoiler marked in the text ticks "Contains spoilers"', async ({ page, journal }) => {
  const review = await call<{ id: string }>(journal, 'reviews.create', {
    title: 'Twist',
    body: plainTextToLexical('She was dead all along.')
  })
  await journal.open(page)
  await page.getByRole('button', { name: /^Twist/ }).click()
  const flag = page.getByRole('checkbox', { name: /Contains spoilers/ })
  await expect(flag).not.toBeChecked()
  await page.getByRole('textbox', { name: 'Review text' }).click()
  await page.keyboard.press('End')
  for (let i = 0; i < 'dead all along.'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
  await page.keyboard.press('Control+Shift+S')
  await expect(flag).toBeChecked()
  // While the text has a mark the flag follows it; remove the marks to untick it.
  await expect(flag).toBeDisabled()
  await expect
    .poll(
      async () =>
        (await call<{ hasSpoilers: boolean }>(journal, 'reviews.get', { id: review.id })).hasSpoilers
    )
    .toBe(true)
  await page.keyboard.press('Control+Shift+S')
  await expect(flag).toBeEnabled()
  await flag.uncheck()
  await expect
    .poll(
      async () =>
        (await call<{ hasSpoilers: boolean }>(journal, 'reviews.get', { id: review.id })).hasSpoilers
    )
    .toBe(false)
})

test('a review with a spoiler mark already in its text opens with "Contains spoilers" ticked', async ({
  page,
  journal
}) => {
  const review = await call<{ id: string }>(journal, 'reviews.create', { title: 'Marked' })
  journal.core.db.prepare('UPDATE reviews SET body = ?, has_spoilers = 0 WHERE id = ?').run(
    JSON.stringify({
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          {
            type: 'paragraph',
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            textFormat: 0,
            textStyle: '',
            children: [
              {
                type: 'text',
                version: 1,
                text: 'The end: ',
                format: 0,
                style: '',
                mode: 'normal',
                detail: 0
              },
              {
                type: 'spoiler',
                version: 1,
                direction: null,
                format: '',
                indent: 0,
                children: [
                  {
                    type: 'text',
                    version: 1,
                    text: 'he leaves.',
                    format: 0,
                    style: '',
                    mode: 'normal',
                    detail: 0
                  }
                ]
              }
            ]
          }
        ]
      }
    }),
    review.id
  )
  await journal.open(page)
  await page.getByRole('button', { name: /^Marked/ }).click()
  await expect(page.getByRole('checkbox', { name: /Contains spoilers/ })).toBeChecked()
})

test('once published, the outlet and address stay editable and the address opens outside the app', async ({
  page,
  journal
}) => {
  const review = await call<{ id: string }>(journal, 'reviews.create', {
    title: 'Out',
    body: plainTextToLexical('Done.')
  })
  await call(journal, 'reviews.setStatus', {
    id: review.id,
    status: 'published',
    outlet: 'Sight and Sound',
    publishedUrl: 'https://example.com/her',
    publishedOn: '2013-12-20'
  })
  await journal.open(page)
  await page.getByRole('button', { name: /^Out/ }).click()
  const outlet = page.getByRole('textbox', { name: 'Outlet' })
  const address = page.getByRole('textbox', { name: 'Published address' })
  await expect(outlet).toHaveValue('Sight and Sound')
  await expect(address).toHaveValue('https://example.com/her')
  const open = page.getByRole('link', { name: /Open the published review/ })
  await expect(open).toHaveAttribute('href', 'https://example.com/her')
  await expect(open).toHaveAttribute('target', '_blank')
  await expect(page.getByText(/Published on/)).toContainText(/Dec(ember)? 20, 2013|20 Dec(ember)? 2013/)

  await outlet.fill('Little White Lies')
  await address.fill('https://example.com/her-review')
  await expect
    .poll(
      async () =>
        await call<{ outlet: string; publishedUrl: string }>(journal, 'reviews.get', { id: review.id })
    )
    .toMatchObject({ outlet: 'Little White Lies', publishedUrl: 'https://example.com/her-review' })
  await expect(open).toHaveAttribute('href', 'https://example.com/her-review')
  await address.fill('not an address')
  await expect(page.getByText('Enter the full web address, starting with https://')).toBeVisible()
  await expectAccessible(page)
})

test('the publish date takes the YYYY-MM-DD its hint asks for', async ({ page, journal }) => {
  const review = await call<{ id: string }>(journal, 'reviews.create', {
    title: 'Dated',
    body: plainTextToLexical('Final.')
  })
  await journal.open(page)
  await page.getByRole('button', { name: /^Dated/ }).click()
  await page.getByRole('radio', { name: 'Published' }).click()
  await page.getByLabel('Outlet').fill('Sight and Sound')
  const day = page.getByRole('textbox', { name: /Published on/ })
  await expect(day).toHaveAttribute('placeholder', 'YYYY-MM-DD')
  await day.click()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('2013-02-30')
  await page.getByRole('button', { name: 'Mark published' }).click()
  await expect(page.getByText('That date does not exist (use YYYY-MM-DD)')).toBeVisible()
  await day.click()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('2013-12-20')
  await page.getByRole('button', { name: 'Mark published' }).click()
  await expect(page.getByRole('radio', { name: 'Published' })).toHaveAttribute('aria-checked', 'true')
  const history = await call<{ label: string | null }[]>(journal, 'reviews.revisions', { id: review.id })
  expect(history[0]!.label).toBe('the version that was published to Sight and Sound on 2013-12-20')
})
