import { test, expect, expectAccessible } from './support/fixtures'

const COUNT = 400

test('a long thread draws only what is near the view, and the inbox still reaches its last reply', async ({
  page,
  journal
}) => {
  const db = journal.core.db
  // The critic's name from Preferences signs their reply.
  await journal.core.dispatch('settings.update', { criticName: 'Ana Lima' })
  const at = new Date().toISOString()
  db.prepare(
    `INSERT INTO reviews (id, title, body, created_at, updated_at) VALUES ('long', 'Long thread', '{"root":{"type":"root","children":[]}}', ?, ?)`
  ).run(at, at)
  const insert = db.prepare(
    `INSERT INTO responses (id, review_id, parent_id, author_name, body, received_at, status, created_at, updated_at)
     VALUES (?, 'long', ?, ?, ?, ?, ?, ?, ?)`
  )
  db.transaction(() => {
    for (let n = 0; n < COUNT; n++) {
      const received = new Date(Date.UTC(2014, 0, 1) + n * 60_000).toISOString()
      // Every fourth response answers the one before it; the last one is the only unread.
      const parent = n % 4 === 3 ? `r${n - 1}` : null
      insert.run(
        `r${n}`,
        parent,
        `Reader ${n}`,
        `Comment number ${n}.`,
        received,
        n === COUNT - 1 ? 'new' : 'read',
        at,
        at
      )
    }
  })()

  await journal.open(page)
  await page.getByRole('button', { name: /Long thread/ }).click()
  const entries = page.locator('.thread-entry')
  await expect(entries.first()).toHaveAttribute('aria-setsize', String(COUNT))
  expect(await entries.count()).toBeLessThan(60)
  await expectAccessible(page)
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectAccessible(page)
  await page.emulateMedia({ colorScheme: 'light' })

  await page.keyboard.press('Control+3')
  await page
    .locator('.inbox-entry')
    .filter({ hasText: `Comment number ${COUNT - 1}.` })
    .getByRole('button', { name: 'Open in thread' })
    .click()
  await expect(page.locator(':focus')).toContainText(`Comment number ${COUNT - 1}.`)
  const last = page.locator(`.thread-entry[aria-posinset="${COUNT}"]`)
  await expect(last).toHaveAttribute('data-depth', '1')
  await expect(last.getByText(/in reply to\s+Reader 398/)).toBeVisible()

  // Replying far down the thread: the form stays put while the critic types.
  await last.getByRole('button', { name: 'Reply', exact: true }).click()
  const form = page.getByRole('form', { name: /Your reply to Reader 399/ })
  await form.getByLabel('Text (required)').fill('Thank you for reading this far.')
  await form.getByRole('button', { name: 'Add your reply' }).click()
  await expect(page.locator(':focus')).toContainText('Thank you for reading this far.')
  await expect(page.getByTestId('unread-count')).toHaveCount(0)
})
