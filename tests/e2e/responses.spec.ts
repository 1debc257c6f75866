import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { test, expect, expectAccessible, type Journal } from './support/fixtures'

interface FixtureResponse {
  key: string
  author?: string
  parent?: string
  own?: boolean
  at: string
  text: string
}
const her = JSON.parse(readFileSync(resolve('tests/fixtures/responses/her-thread.json'), 'utf8')) as {
  responses: FixtureResponse[]
}

const entry = (page: Page, text: string) => page.locator('.thread-entry').filter({ hasText: text })
const badge = (page: Page) => page.getByTestId('unread-count')

async function startReview(page: Page, title: string) {
  await page.getByRole('button', { name: 'Start writing' }).click()
  await page.getByRole('textbox', { name: 'Review title' }).fill(title)
  await expect(page.getByText('No responses yet.')).toBeVisible()
}

/** Fills and sends the open response form; `author` is left as offered for the critic's own replies. */
async function fillForm(form: Locator, r: { author?: string; at: string; text: string }, submit: string) {
  if (r.author) await form.getByLabel(/^(Name|Sign as)/).fill(r.author)
  await form.getByLabel('Received').fill(r.at)
  await form.getByLabel('Text (required)').fill(r.text)
  await form.getByRole('button', { name: submit }).click()
  await expect(form).toHaveCount(0)
}

/**
 * Files the readers' responses not yet answered as new, as an import of the blog's comments
 * would (typed in by hand they are read), then opens the review again.
 */
async function fileUnansweredAsNew(page: Page, journal: Journal, title: string) {
  const rows = journal.core.db
    .prepare(`SELECT id FROM responses WHERE is_own_reply = 0 AND status = 'read'`)
    .all() as { id: string }[]
  const result = await journal.core.dispatch('responses.setStatus', {
    ids: rows.map((r) => r.id),
    status: 'new'
  })
  if (!result.ok) throw new Error(result.error.message)
  await page.reload()
  await page
    .getByRole('button', { name: new RegExp(`^${title}`) })
    .first()
    .click()
}

/** Types one response of the fixture in, the way the critic would: from its parent's buttons. */
async function enterResponse(page: Page, r: FixtureResponse, textOf: Map<string, string>) {
  const parent = r.parent ? entry(page, textOf.get(r.parent)!.slice(0, 40)) : null
  if (r.own) {
    await parent!.getByRole('button', { name: 'Reply', exact: true }).click()
    // The first reply is signed by hand; the name is kept in Preferences for the next ones.
    const form = page.getByRole('form', { name: /Your reply/ })
    const signed = await form.getByLabel('Sign as (required)').inputValue()
    await fillForm(form, { ...r, author: signed ? undefined : 'Ana Lima' }, 'Add your reply')
  } else {
    await (
      parent
        ? parent.getByRole('button', { name: 'Add reader’s reply' })
        : page.getByRole('button', { name: 'Add a reader’s response' })
    ).click()
    await fillForm(page.getByRole('form', { name: /Add a reader’s response/ }), r, 'Add response')
  }
  textOf.set(r.key, r.text.split('\n')[0])
}

test('a blog thread entered by hand reads as a tree, and answering it empties the inbox', async ({
  page,
  journal
}) => {
  await journal.open(page)
  await startReview(page, 'Her')
  const textOf = new Map<string, string>()
  for (const r of her.responses) await enterResponse(page, r, textOf)

  const entries = page.locator('.thread-entry')
  await expect(entries).toHaveCount(7)
  const depths = await entries.evaluateAll((els) => els.map((el) => el.getAttribute('data-depth')))
  expect(depths).toEqual(['0', '1', '2', '0', '0', '1', '2'])
  await expect(page.locator('.thread-entry.own')).toHaveCount(2)
  await expect(entries.nth(1).getByText('Your reply')).toBeVisible()
  await expect(entries.nth(2).getByText(/in reply to\s+Ana Lima/)).toBeVisible()
  // Paragraphs typed with a blank line between them stay two paragraphs.
  await expect(entries.nth(0).locator('.response-body p')).toHaveCount(2)
  // Typed in by the critic, nothing is new to them.
  await expect(badge(page)).toHaveCount(0)
  await fileUnansweredAsNew(page, journal, 'Her')
  await expect(badge(page)).toHaveText(/^3/)
  await expectAccessible(page)

  const dan = entry(page, 'Good review.')
  await dan.getByRole('button', { name: 'Reply', exact: true }).click()
  await fillForm(
    page.getByRole('form', { name: /Your reply to Dan/ }),
    { at: '2014-01-11T20:00', text: 'Thanks Dan, I will look for Don Jon.' },
    'Add your reply'
  )
  await expect(entries).toHaveCount(8)
  await expect(badge(page)).toHaveText(/^2/)
  await expect(page.locator('.thread-entry').nth(4)).toHaveAttribute('data-depth', '1')

  await page.keyboard.press('Control+3')
  await expect(page.getByRole('heading', { name: /Inbox/ })).toBeVisible()
  const inbox = page.locator('.inbox-entry')
  await expect(inbox).toHaveCount(2)
  await expect(inbox.first()).toContainText('You’re welcome!')
  await expect(inbox.first().getByRole('button', { name: 'Her' })).toBeVisible()
  await expectAccessible(page)
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectAccessible(page)
  await page.emulateMedia({ colorScheme: 'light' })

  await page.getByRole('button', { name: 'Mark all read' }).click()
  await expect(badge(page)).toHaveCount(0)
  await expect(page.getByText('No new responses.')).toBeVisible()
  await page
    .locator('.notice')
    .filter({ hasText: 'marked read' })
    .getByRole('button', { name: 'Undo' })
    .click()
  await expect(badge(page)).toHaveText(/^2/)
  await expect(inbox).toHaveCount(2)

  await inbox.first().getByRole('button', { name: 'Open in thread' }).click()
  await expect(page.locator(':focus')).toContainText('You’re welcome!')
})

test('hiding a response keeps its replies in the thread, naming whom they answer', async ({
  page,
  journal
}) => {
  await journal.open(page)
  await startReview(page, 'Her')
  const textOf = new Map<string, string>()
  for (const r of her.responses.slice(0, 3)) await enterResponse(page, r, textOf)
  await expect(badge(page)).toHaveCount(0)
  await fileUnansweredAsNew(page, journal, 'Her')

  await expect(badge(page)).toHaveText(/^1/)
  await page.getByRole('button', { name: 'Select the 1 new' }).click()
  await page
    .getByRole('toolbar', { name: 'Selected responses' })
    .getByRole('button', { name: 'Mark read' })
    .click()
  await expect(badge(page)).toHaveCount(0)
  await expect(page.getByRole('toolbar', { name: 'Selected responses' })).toHaveCount(0)

  const skeptic = entry(page, 'skeptical of this movie')
  await skeptic.getByRole('checkbox').check()
  await page
    .getByRole('toolbar', { name: 'Selected responses' })
    .getByRole('button', { name: 'Hide' })
    .click()
  await expect(skeptic).toHaveCount(0)
  const reply = entry(page, 'I enjoyed your write up')
  await expect(reply).toHaveAttribute('data-depth', '0')
  await expect(reply.getByText(/in reply to\s+Phips \(hidden\)/)).toBeVisible()
  await expect(entry(page, 'more impressive about Phoenix')).toHaveAttribute('data-depth', '1')

  await reply.getByRole('link', { name: 'Phips' }).click()
  await expect(page.getByLabel('Show hidden (1)')).toBeChecked()
  await expect(page.locator(':focus')).toContainText('skeptical of this movie')
  await expectAccessible(page)

  // Editing fixes a typo; deleting keeps the replies and can be undone.
  await reply.getByRole('button', { name: 'Edit' }).click()
  const form = page.getByRole('form', { name: 'Edit response' })
  await form.getByLabel('Text (required)').fill('I enjoyed your write-up as well, Phips.')
  await form.getByRole('button', { name: 'Save changes' }).click()
  const edited = entry(page, 'I enjoyed your write-up as well, Phips.')
  await expect(edited).toBeVisible()
  await edited.getByRole('button', { name: 'Edit' }).click()
  await page
    .getByRole('form', { name: 'Edit response' })
    .getByRole('button', { name: 'Delete response' })
    .click()
  await expect(edited).toHaveCount(0)
  await expect(entry(page, 'more impressive about Phoenix')).toHaveAttribute('data-depth', '1')
  await page
    .locator('.notice')
    .filter({ hasText: '1 response deleted.' })
    .getByRole('button', { name: 'Undo' })
    .click()
  await expect(entry(page, 'I enjoyed your write-up as well, Phips.')).toHaveAttribute('data-depth', '1')
  await expect(entry(page, 'more impressive about Phoenix')).toHaveAttribute('data-depth', '2')
})

test('a form with bad input says what is wrong beside the field and keeps what was typed', async ({
  page,
  journal
}) => {
  await journal.open(page)
  await startReview(page, 'Her')
  await page.getByRole('button', { name: 'Add a reader’s response' }).click()
  const form = page.getByRole('form', { name: /Add a reader’s response/ })
  await form.getByLabel('Text (required)').fill('A response without a name.')
  await form.getByLabel('Website').fill('javascript:alert(1)')
  await form.getByRole('button', { name: 'Add response' }).click()
  await expect(form.getByText('Enter the name of the person who wrote this')).toBeVisible()
  await expect(form.getByLabel('Name (required)')).toBeFocused()
  await expect(form.getByLabel('Text (required)')).toHaveValue('A response without a name.')
  await expectAccessible(page)
  const count = journal.core.db.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }
  expect(count.n).toBe(0)

  // A comment copied from a web page arrives as HTML: its paragraphs survive the paste.
  await form.getByLabel('Name (required)').fill('Lena')
  await form.getByLabel('Website').fill('')
  await form.getByLabel('Text (required)').fill('')
  await form.getByLabel('Text (required)').evaluate((area) => {
    const data = new DataTransfer()
    data.setData('text/html', '<p>First paragraph.</p><p>Second <b>paragraph</b>.<br>Same one.</p>')
    data.setData('text/plain', 'First paragraph.\nSecond paragraph.\nSame one.')
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
  await expect(form.getByLabel('Text (required)')).toHaveValue(
    'First paragraph.\n\nSecond paragraph.\nSame one.'
  )
  await form.getByRole('button', { name: 'Add response' }).click()
  await expect(entry(page, 'First paragraph.').locator('.response-body p')).toHaveCount(2)
})

test('a review closed to responses says so, takes the critic’s notes, and asks before reopening', async ({
  page,
  journal
}) => {
  await journal.open(page)
  await startReview(page, 'Her')
  await page.getByRole('switch', { name: 'Responses closed' }).check()
  await expect(page.getByText('Comments are closed.')).toBeVisible()
  await page.reload()
  await page.getByRole('button', { name: /^Her/ }).click()
  await expect(page.getByText('Comments are closed.')).toBeVisible()

  await page.getByRole('button', { name: 'Add a note of your own' }).click()
  await fillForm(
    page.getByRole('form', { name: /Your reply/ }),
    { author: 'Ana Lima', at: '2014-02-01T10:00', text: 'Note: rewatch in 35mm.' },
    'Add your reply'
  )
  await expect(entry(page, 'rewatch in 35mm')).toBeVisible()

  await page.getByRole('button', { name: 'Add a reader’s response' }).click()
  const form = page.getByRole('form', { name: /Add a reader’s response/ })
  await expect(form.getByText('Comments are closed on this review.')).toBeVisible()
  await fillForm(
    form,
    { author: 'Late reader', at: '2014-03-01T10:00', text: 'Only just saw it.' },
    'Reopen comments and add'
  )
  await expect(entry(page, 'Only just saw it.')).toBeVisible()
  await expect(page.getByText('Comments are closed.')).toHaveCount(0)
  // Regression: the details' switch kept saying "closed" after the thread reopened the review.
  await expect(page.getByRole('switch', { name: 'Responses closed' })).not.toBeChecked()
  await expectAccessible(page)
})
