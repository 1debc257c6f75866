import { test, expect, expectAccessible } from './support/fixtures'
import { seedKnownJournal } from '../fixtures/knownJournal'

test('the film list shows counts, edits a film and merges a duplicate without losing anything', async ({
  page,
  journal
}) => {
  seedKnownJournal(journal.core.db)
  // A duplicate of Amélie, as an import might have made it, with a screening of its own.
  const db = journal.core.db
  db.prepare(
    "INSERT INTO works (id, title, year, imdb_id, created_at, updated_at) VALUES ('w-dup', 'AMELIE', 2001, 'tt0211915', '2024-01-01', '2024-01-01')"
  ).run()
  db.prepare(
    "INSERT INTO screenings (id, work_id, watched_on, rating, created_at, updated_at) VALUES ('s-dup', 'w-dup', '2024-05-01', 5, '2024-05-01', '2024-05-01')"
  ).run()

  await journal.open(page)
  await page.getByRole('button', { name: 'Films' }).click()
  const row = (title: string) =>
    page.getByRole('row').filter({ has: page.getByRole('button', { name: title, exact: true }) })
  await expect(row('In the Mood for Love')).toContainText('2000')
  await expect(row('In the Mood for Love').getByRole('cell')).toHaveText([
    /In the Mood for Love/,
    '2000',
    '2',
    '1',
    // Last seen, in the browser's locale like every date (one formatter).
    new Intl.DateTimeFormat(undefined, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC'
    }).format(new Date(Date.UTC(2023, 2, 10, 12))),
    '5.0 / 5',
    'Edit'
  ])
  await expectAccessible(page)

  // Sorting by a column, by keyboard.
  await page.getByRole('button', { name: 'Screenings', exact: true }).last().focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('columnheader', { name: /Screenings/ })).toHaveAttribute(
    'aria-sort',
    'descending'
  )

  // Editing: a bad year is named beside its field and nothing is saved.
  await row('Solaris').getByRole('button', { name: 'Edit Solaris' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit Solaris' })
  await dialog.getByLabel('Year').fill('1700')
  await dialog.getByLabel('Runtime (minutes)').fill('169')
  await dialog.getByRole('button', { name: 'Save film' }).click()
  await expect(dialog.getByText('Films start in 1870')).toBeVisible()
  await expect(dialog.getByLabel('Year')).toHaveAttribute('aria-invalid', 'true')
  await expectAccessible(page)
  await dialog.getByLabel('Year').fill('1972')
  await dialog.getByRole('button', { name: 'Save film' }).click()
  await expect(dialog).toBeHidden()
  expect(db.prepare("SELECT runtime_minutes FROM works WHERE id = 'w-solaris'").get()).toEqual({
    runtime_minutes: 169
  })

  // Duplicates: found by title and year; the film with more in it is kept by default.
  await page.getByRole('button', { name: 'Find duplicates' }).click()
  const duplicates = page.getByRole('region', { name: 'Possible duplicates' })
  await expect(duplicates.getByRole('radio')).toHaveCount(2)
  await expect(duplicates.getByRole('radio', { name: /^Amélie \(2001\)/ })).toBeChecked()
  await expectAccessible(page)
  await duplicates.getByRole('button', { name: 'Merge into the kept film…' }).click()
  await duplicates.getByRole('button', { name: 'Merge', exact: true }).click()
  await expect(page.getByText('Merged into Amélie: moved 1 screenings and 0 reviews.')).toBeVisible()
  await expect(duplicates.getByText(/No duplicates found/)).toBeVisible()
  await expect(row('AMELIE')).toHaveCount(0)
  await expect(row('Amélie').getByRole('cell').nth(2)).toHaveText('2')
  expect(
    db
      .prepare(
        "SELECT work_id, imdb FROM (SELECT work_id, (SELECT imdb_id FROM works WHERE id = work_id) AS imdb FROM screenings WHERE id = 's-dup')"
      )
      .get()
  ).toEqual({
    work_id: 'w-amelie',
    imdb: 'tt0211915'
  })
})
