import type { Page } from '@playwright/test'
import { test, expect, expectAccessible, type Journal } from './support/fixtures'
import type { ChannelInput } from '../../src/shared/contract'

async function seed(journal: Journal, input: ChannelInput<'screenings.log'>) {
  const result = await journal.core.dispatch('screenings.log', input)
  if (!result.ok) throw new Error(result.error.message)
  return result.value as { id: string; workId: string }
}

/** Presses Tab until `name` has focus, failing after a few presses: the dialog's tab order. */
async function tabTo(page: Page, label: string | RegExp) {
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el) return ''
      const labelled = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null
      return labelled ?? el.closest('label')?.textContent ?? el.textContent ?? ''
    })
    if (typeof label === 'string' ? focused.trim() === label : label.test(focused)) return
  }
  throw new Error(`Tab never reached ${String(label)}`)
}

test('a screening is logged with the keyboard alone, suggested as a rewatch, and found in the diary', async ({
  page,
  journal
}) => {
  await seed(journal, {
    film: { title: 'The General', year: 1926 },
    watchedOn: '2025-11-02',
    venue: 'Home',
    format: 'home-media'
  })
  await journal.open(page)
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()

  await page.keyboard.press('Control+l')
  const dialog = page.getByRole('dialog', { name: 'Log a screening' })
  await expect(dialog).toBeVisible()
  const film = dialog.getByRole('combobox', { name: 'Film' })
  await expect(film).toBeFocused()
  await page.keyboard.type('gener')
  await expect(dialog.getByRole('option', { name: 'The General (1926)' })).toBeVisible()
  await expectAccessible(page)
  await page.keyboard.press('Enter')
  await expect(film).toHaveValue('The General (1926)')

  await tabTo(page, 'Date')
  await page.keyboard.type('02102026')
  await expect(dialog.getByLabel('Date', { exact: true })).toHaveValue('2026-02-10')
  await tabTo(page, 'Venue')
  await page.keyboard.type('Film Forum')
  await tabTo(page, 'Format')
  await page.keyboard.press('ArrowDown')
  await expect(dialog.getByLabel('Format')).toHaveValue('press')
  await tabTo(page, 'With')
  await page.keyboard.type('Ana, Tom')
  await expect(dialog.getByRole('checkbox', { name: 'Rewatch' })).toBeChecked()
  await expect(dialog.getByText(/Seen before, last on/)).toBeVisible()
  await tabTo(page, 'Rating at the time')
  for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight')
  await expect(dialog.getByRole('slider', { name: 'Rating at the time' })).toHaveAttribute(
    'aria-valuetext',
    '4.5 out of 5 stars'
  )
  await tabTo(page, 'Tags')
  await page.keyboard.type('silent, restoration')
  await tabTo(page, 'Embargo until (optional)')
  await page.keyboard.type('02202026')
  await expectAccessible(page)
  await page.keyboard.press('Control+Enter')

  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Logged The General' })).toContainText('(rewatch)')

  await page.keyboard.press('Control+2')
  const diary = page.getByRole('table', { name: 'Diary' })
  const row = diary.getByRole('row').filter({ hasText: 'Film Forum' })
  await expect(row).toContainText('The General (1926)')
  await expect(row).toContainText('Rewatch')
  await expect(row).toContainText('Press screening')
  await expect(row).toContainText('with Ana, Tom')
  await expect(row.getByRole('img', { name: '4.5 out of 5 stars' })).toBeVisible()
  await expect(diary.getByRole('heading', { name: /February 2026/ })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: '2 screenings' })).toBeVisible()
  await expectAccessible(page)

  await page.getByLabel('Format').selectOption('press')
  await expect(page.getByRole('status').filter({ hasText: '1 screening match these filters' })).toBeVisible()
  await page.getByLabel('Viewing').selectOption('false')
  await expect(page.getByText('No screenings match these filters.')).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).first().click()
  await expect(diary.getByRole('row').filter({ hasText: 'Home media' })).toBeVisible()
})

test('writing a review from a screening links them both ways, and the embargo warning shows', async ({
  page,
  journal
}) => {
  const screening = await seed(journal, {
    film: { title: 'Anora', year: 2024 },
    watchedOn: '2026-05-01',
    venue: 'Lincoln Center',
    format: 'press',
    rating: 4,
    embargoUntil: '2026-05-20'
  })
  await journal.open(page)
  await page.getByRole('button', { name: 'Screenings' }).click()
  const row = page
    .getByRole('table', { name: 'Diary' })
    .getByRole('row')
    .filter({ hasText: 'Lincoln Center' })
  await expect(row.getByRole('button', { name: 'Write review' })).toHaveAccessibleDescription(
    /Anora \(2024\)/
  )
  await row.getByRole('button', { name: 'Write review' }).click()

  await expect(page.getByRole('textbox', { name: 'Review title' })).toHaveValue('Anora')
  const panel = page.getByRole('region', { name: 'Screenings this review came from' })
  await expect(panel.getByRole('list', { name: 'Linked screenings' })).toContainText('Lincoln Center')
  await expect(panel).toContainText('Embargo until')
  await expectAccessible(page)

  const reviewId = journal.core.db
    .prepare('SELECT review_id FROM screenings WHERE id = ?')
    .pluck()
    .get(screening.id) as string | null
  expect(reviewId).toBeTruthy()
  // Published (from anywhere) two days before the embargo lifts: the open panel warns at once.
  const published = await journal.core.dispatch('reviews.setStatus', {
    id: reviewId as string,
    status: 'published',
    outlet: 'The Paper',
    publishedOn: '2026-05-18'
  })
  expect(published.ok).toBe(true)
  await expect(panel.getByRole('alert')).toContainText('Published before the embargo')

  await page.getByRole('button', { name: 'Screenings' }).click()
  await expect(row).toContainText('Published before embargo')
  await row.getByRole('button', { name: 'Open review' }).click()
  await expect(page.getByRole('textbox', { name: 'Review title' })).toHaveValue('Anora')
  await expect(panel.getByRole('alert')).toContainText('Published before the embargo')

  await page.getByRole('button', { name: 'Screenings' }).click()
  await row.getByRole('button', { name: 'Anora (2024)', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Anora (2024)' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Reviews' })).toContainText('Anora')
  await expect(page.getByRole('list', { name: 'Screenings' })).toContainText('Lincoln Center')
  await expect(page.getByText('First viewing')).toBeVisible()
  await expect(page.getByRole('img', { name: /Ratings over time: 4 stars/ })).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('button', { name: 'Log a screening of this film' }).click()
  const dialog = page.getByRole('dialog', { name: 'Log a screening' })
  await expect(dialog.getByRole('combobox', { name: 'Film' })).toHaveValue('Anora (2024)')
  await expect(dialog.getByRole('checkbox', { name: 'Rewatch' })).toBeChecked()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})

test('bad input is shown beside its field and nothing is saved', async ({ page, journal }) => {
  await seed(journal, { film: { title: 'Stalker' }, watchedOn: '2024-01-01' })
  await journal.open(page)
  await page.getByRole('button', { name: /Log a screening/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Log a screening' })
  await dialog.getByRole('button', { name: 'Log screening' }).click()
  await expect(dialog.getByText('Choose a film or type its title')).toBeVisible()
  await expect(dialog.getByRole('combobox', { name: 'Film' })).toHaveAttribute('aria-invalid', 'true')

  await dialog.getByRole('combobox', { name: 'Film' }).fill('Mirror')
  await dialog.getByLabel('Date', { exact: true }).click()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('02302026')
  await dialog.getByRole('button', { name: 'Log screening' }).click()
  await expect(dialog.getByText('That date does not exist')).toBeVisible()
  await expectAccessible(page)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect(journal.core.db.prepare('SELECT count(*) FROM screenings').pluck().get()).toBe(1)
  expect(journal.core.db.prepare('SELECT count(*) FROM works').pluck().get()).toBe(1)
})

test('deleting asks first and can be undone', async ({ page, journal }) => {
  await seed(journal, { film: { title: 'Tabu' }, watchedOn: '2026-01-04', venue: 'Metrograph' })
  await journal.open(page)
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
  await page.keyboard.press('Control+2')
  const row = page.getByRole('table', { name: 'Diary' }).getByRole('row').filter({ hasText: 'Metrograph' })
  await row.getByRole('button', { name: 'Tabu', exact: true }).focus()
  await page.keyboard.press('Delete')
  const confirm = page.getByRole('dialog', { name: 'Delete this screening?' })
  await expect(confirm).toBeVisible()
  await expectAccessible(page)
  await page.keyboard.press('Enter')
  await expect(page.getByText('No screenings logged yet.')).toBeVisible()
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(row).toBeVisible()
  expect(
    journal.core.db.prepare('SELECT count(*) FROM screenings WHERE deleted_at IS NULL').pluck().get()
  ).toBe(1)
})

test('a screening is edited from the diary, and Up and Down move between screenings', async ({
  page,
  journal
}) => {
  await seed(journal, { film: { title: 'Ordet' }, watchedOn: '2026-03-02', venue: 'Anthology' })
  await seed(journal, { film: { title: 'Gertrud' }, watchedOn: '2026-03-01', venue: 'Film Forum' })
  await journal.open(page)
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
  await page.keyboard.press('Control+2')
  const diary = page.getByRole('table', { name: 'Diary' })
  await diary.getByRole('button', { name: 'Ordet', exact: true }).focus()
  await page.keyboard.press('ArrowDown')
  await expect(diary.getByRole('button', { name: 'Gertrud', exact: true })).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(diary.getByRole('button', { name: 'Ordet', exact: true })).toBeFocused()
  await page.keyboard.press('End')
  await expect(diary.getByRole('button', { name: 'Gertrud', exact: true })).toBeFocused()
  await page.keyboard.press('Home')
  await expect(diary.getByRole('button', { name: 'Ordet', exact: true })).toBeFocused()

  await page.keyboard.press('Tab')
  await expect(
    diary.getByRole('row').filter({ hasText: 'Anthology' }).getByRole('button', { name: 'Edit' })
  ).toBeFocused()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Edit screening' })
  await expect(dialog.getByRole('combobox', { name: 'Film' })).toHaveValue('Ordet')
  await dialog.getByLabel('Venue').fill('Metrograph')
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(dialog).toBeHidden()
  await expect(diary.getByRole('row').filter({ hasText: 'Metrograph' })).toContainText('Ordet')
  await expect(diary.getByRole('row').filter({ hasText: 'Anthology' })).toHaveCount(0)
})
