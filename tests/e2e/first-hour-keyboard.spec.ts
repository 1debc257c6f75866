import { test, expect, type Journal } from './support/fixtures'

async function someJournal(journal: Journal) {
  const result = await journal.core.dispatch('reviews.create', { title: 'Her' })
  if (!result.ok) throw new Error(result.error.message)
}

test('the first Tab offers a skip link that lands on the screen’s heading', async ({ page, journal }) => {
  await someJournal(journal)
  await journal.open(page)
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Reviews', level: 1 })).toBeFocused()
})

test('Ctrl+1…9 moves focus to the new screen’s heading, not the page body', async ({ page, journal }) => {
  await someJournal(journal)
  await journal.open(page)
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
  const screens: [string, RegExp][] = [
    ['2', /Screenings|Diary/],
    ['3', /Inbox/],
    ['4', /Films/],
    ['5', /Statistics/],
    ['6', /Import/],
    ['7', /Backups/],
    ['8', /Trash/],
    ['9', /Preferences/],
    ['1', /Reviews/]
  ]
  for (const [key, name] of screens) {
    await page.keyboard.press(`Control+${key}`)
    await expect(page.getByRole('heading', { name, level: 1 }), `after Ctrl+${key}`).toBeFocused()
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false)
  }
})

test('Draft, Ready, Published are one tab stop moved with arrow keys; Escape closes the publish form', async ({
  page,
  journal
}) => {
  await someJournal(journal)
  await journal.open(page)
  await page.getByRole('button', { name: /^Her/ }).first().click()
  const draft = page.getByRole('radio', { name: 'Draft' })
  await expect(draft).toHaveAttribute('aria-checked', 'true')
  await draft.focus()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('radio', { name: 'Ready' })).not.toBeFocused()
  await draft.focus()
  await page.keyboard.press('ArrowRight')
  const ready = page.getByRole('radio', { name: 'Ready' })
  await expect(ready).toBeFocused()
  await expect(ready).toHaveAttribute('aria-checked', 'true')
  await page.keyboard.press('ArrowRight')
  const form = page.getByRole('form', { name: 'Publish review' })
  await expect(form).toBeVisible()
  await form.getByLabel('Outlet').focus()
  await page.keyboard.press('Escape')
  await expect(form).toHaveCount(0)
  await expect(ready).toBeFocused()
  await expect(ready).toHaveAttribute('aria-checked', 'true')
})
