import { call, test, expect } from './support/fixtures'

test('a film picked from the list stays picked: no "Add as a new film" over the date, in log or edit', async ({
  page,
  journal
}) => {
  await call(journal, 'works.create', { title: 'Her', year: 2013 })
  await call(journal, 'reviews.create', { title: 'Notes' })
  await journal.open(page)
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
  await page.keyboard.press('Control+l')
  const dialog = page.getByRole('dialog', { name: 'Log a screening' })
  const film = dialog.getByRole('combobox', { name: 'Film' })
  await expect(film).toBeFocused()
  await page.keyboard.type('Her')
  await expect(dialog.getByRole('option', { name: 'Her (2013)' })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(film).toHaveValue('Her (2013)')
  await expect(film).toHaveAttribute('aria-expanded', 'false')
  await expect(dialog.getByText(/as a new film/)).toBeHidden()
  // Clicking back into the box or pressing Down does not offer the chosen film as a new one.
  await film.click()
  await page.keyboard.press('ArrowDown')
  await expect(dialog.getByText(/as a new film/)).toBeHidden()
  await dialog.getByLabel('Date', { exact: true }).fill('2013-12-20')
  await dialog.getByLabel('Venue').fill('Film Forum')
  await page.keyboard.press('Control+Enter')
  await expect(dialog).toBeHidden()

  await page.keyboard.press('Control+2')
  await page.getByRole('table', { name: 'Diary' }).getByRole('button', { name: 'Edit' }).click()
  const edit = page.getByRole('dialog', { name: 'Edit screening' })
  await expect(edit.getByRole('combobox', { name: 'Film' })).toHaveValue('Her (2013)')
  await page.keyboard.press('ArrowDown')
  await expect(edit.getByText(/as a new film/)).toBeHidden()
  await expect(edit.getByRole('combobox', { name: 'Film' })).toHaveAttribute('aria-expanded', 'false')
})

test('Ctrl+L from an open review starts with its film and links the screening to the review', async ({
  page,
  journal
}) => {
  const work = await call(journal, 'works.create', { title: 'Her', year: 2013 })
  const review = await call(journal, 'reviews.create', { title: 'Love in the machine', workId: work.id })
  await journal.open(page)
  await page
    .getByRole('button', { name: /Love in the machine/ })
    .first()
    .click()
  await expect(page.getByRole('textbox', { name: 'Review title' })).toHaveValue('Love in the machine')
  await page.keyboard.press('Control+l')
  const dialog = page.getByRole('dialog', { name: 'Log a screening' })
  await expect(dialog.getByRole('combobox', { name: 'Film' })).toHaveValue('Her (2013)')
  await expect(dialog.getByText(/linked to “Love in the machine”/i)).toBeVisible()
  await expect(dialog.getByLabel('Date', { exact: true })).toBeFocused()
  await page.keyboard.type('12202013')
  await dialog.getByLabel('Venue').fill('Film Forum')
  await page.keyboard.press('Control+Enter')
  await expect(dialog).toBeHidden()
  const linked = await call(journal, 'screenings.forReview', { reviewId: review.id })
  expect(linked.map((s) => s.venue)).toEqual(['Film Forum'])
  await expect(page.getByRole('region', { name: /Screenings/ }).getByText('Film Forum')).toBeVisible()
})

test('diary cells show the whole time and venue; the film column gives up its spare room', async ({
  page,
  journal
}) => {
  await call(journal, 'screenings.log', {
    film: { title: 'Her', year: 2013 },
    watchedOn: '2013-12-20',
    watchedTime: '19:30',
    venue: 'Walter Reade Theater, Lincoln Center',
    format: 'press',
    formatDetail: 'Warner Bros.',
    companions: ['Ana']
  })
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1024, height: 700 }
  ]) {
    await page.setViewportSize(size)
    await journal.open(page)
    // The app is up and answering keys before Ctrl+2, as a person would see it.
    await expect(page.getByRole('navigation', { name: 'Journal' })).toBeVisible()
    await page.keyboard.press('Control+2')
    const row = page.getByRole('table', { name: 'Diary' }).getByRole('row').filter({ hasText: 'Her (2013)' })
    await expect(row).toBeVisible()
    const clipped = await row.evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>('[role="cell"], [role="cell"] *')]
        .filter((c) => c.scrollWidth > c.clientWidth + 1 || c.scrollHeight > c.clientHeight + 1)
        .map((c) => c.textContent)
    )
    expect(clipped, `at ${size.width}×${size.height}`).toEqual([])
  }
})
