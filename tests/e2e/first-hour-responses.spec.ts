import { call, test, expect, expectAccessible } from './support/fixtures'

const badge = (page: import('@playwright/test').Page) => page.getByTestId('unread-count')

test('a reader’s response the critic types in is not new, and their first reply asks for their name', async ({
  page,
  journal
}) => {
  await call(journal, 'reviews.create', { title: 'Her' })
  await journal.open(page)
  await page.getByRole('button', { name: /^Her/ }).first().click()
  await page.getByRole('button', { name: 'Add a reader’s response' }).click()
  const form = page.getByRole('form', { name: /Add a reader’s response/ })
  await form.getByLabel('Name (required)').fill('Dan')
  await form.getByLabel('Text (required)').fill('Good review.')
  await form.getByRole('button', { name: 'Add response' }).click()
  await expect(page.locator('.thread-entry').filter({ hasText: 'Good review.' })).toBeVisible()
  await expect(page.locator('.thread-entry .badge-new')).toHaveCount(0)
  await expect(badge(page)).toHaveCount(0)

  // No name in Preferences: the reply is not signed "You"; the cursor waits in the name.
  await page
    .locator('.thread-entry')
    .filter({ hasText: 'Good review.' })
    .getByRole('button', { name: 'Reply', exact: true })
    .click()
  const reply = page.getByRole('form', { name: /Your reply/ })
  await expect(reply.getByLabel('Sign as (required)')).toHaveValue('')
  await expect(reply.getByLabel('Sign as (required)')).toBeFocused()
  await page.keyboard.type('Ana Lima')
  await reply.getByLabel('Text (required)').fill('Thanks, Dan.')
  await page.keyboard.press('Control+Enter')
  await expect(reply).toHaveCount(0)
  // That first signature became the critic's name in Preferences.
  await page.keyboard.press('Control+9')
  await expect(page.getByLabel('Your name')).toHaveValue('Ana Lima')
})

test('Preferences keep the critic’s name and usual outlet; replies and the publish form start with them', async ({
  page,
  journal
}) => {
  const review = await call(journal, 'reviews.create', { title: 'Her' })
  await call(journal, 'responses.add', { reviewId: review.id, authorName: 'Dan', body: 'Good review.' })
  await journal.open(page)
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
  await page.keyboard.press('Control+9')
  await page.getByLabel('Your name').fill('Ana Lima')
  await page.getByLabel('Usual outlet').fill('Sight and Sound')
  await page.getByLabel('Usual outlet').press('Enter')
  await expect(page.getByLabel('Your name')).toHaveValue('Ana Lima')
  await expectAccessible(page)
  const saved = async () => {
    const result = await journal.core.dispatch('settings.get', {})
    return result.ok ? (result.value as { criticName: string; defaultOutlet: string }) : null
  }
  await expect.poll(saved).toMatchObject({ criticName: 'Ana Lima', defaultOutlet: 'Sight and Sound' })

  await page.keyboard.press('Control+1')
  await page.getByRole('button', { name: /^Her/ }).first().click()
  await page
    .locator('.thread-entry')
    .filter({ hasText: 'Good review.' })
    .getByRole('button', { name: 'Reply', exact: true })
    .click()
  await expect(page.getByRole('form', { name: /Your reply/ }).getByLabel('Sign as (required)')).toHaveValue(
    'Ana Lima'
  )
  await page.keyboard.press('Escape')

  await page.getByRole('radio', { name: 'Published' }).click()
  await expect(page.getByRole('form', { name: 'Publish review' }).getByLabel('Outlet')).toHaveValue(
    'Sight and Sound'
  )
})

test('the critic replies from the inbox without leaving it, and the answered response leaves “New”', async ({
  page,
  journal
}) => {
  const review = await call(journal, 'reviews.create', { title: 'Her' })
  await call(journal, 'settings.update', { criticName: 'Ana Lima' })
  await call(journal, 'responses.add', {
    reviewId: review.id,
    authorName: 'Dan',
    body: 'Good review.',
    unread: true
  })
  await call(journal, 'responses.add', {
    reviewId: review.id,
    authorName: 'Lena',
    body: 'Loved the score.',
    unread: true
  })
  await journal.open(page)
  await expect(badge(page)).toHaveText(/^2/)
  await page.keyboard.press('Control+3')
  const dan = page.locator('.inbox-entry').filter({ hasText: 'Good review.' })
  await dan.getByRole('button', { name: 'Reply', exact: true }).click()
  const form = dan.getByRole('form', { name: /Your reply to Dan/ })
  await expect(form.getByLabel('Sign as (required)')).toHaveValue('Ana Lima')
  await expect(form.getByLabel('Text (required)')).toBeFocused()
  await page.keyboard.type('Thanks, Dan.')
  await expectAccessible(page)
  await page.keyboard.press('Control+Enter')
  await expect(page.locator('.notice').filter({ hasText: 'Replied to Dan.' })).toBeVisible()
  await expect(page.locator('.inbox-entry')).toHaveCount(1)
  await expect(badge(page)).toHaveText(/^1/)
  const thread = await call(journal, 'responses.thread', { reviewId: review.id })
  const own = thread.items.find((i) => i.isOwnReply)
  expect(own).toMatchObject({ authorName: 'Ana Lima', body: 'Thanks, Dan.' })
})
