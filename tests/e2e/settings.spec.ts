import { test, expect, expectAccessible } from './support/fixtures'

test.beforeEach(async ({ journal }) => {
  await journal.core.dispatch('reviews.create', { title: 'Already writing' })
})

test('the theme follows the system until the critic picks one, and the choice is kept', async ({
  page,
  journal
}) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await journal.open(page)
  await expect(page.getByRole('navigation', { name: 'Journal' })).toBeVisible()
  await page.keyboard.press('Control+,')
  await expect(page.getByRole('heading', { name: 'Preferences' })).toBeVisible()
  const html = page.locator('html')
  await expect(html).not.toHaveAttribute('data-theme')
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(await background()).toBe('rgb(23, 23, 26)') // dark, from the system
  await expectAccessible(page)

  await page.getByRole('radio', { name: 'Light' }).check()
  await expect(html).toHaveAttribute('data-theme', 'light')
  expect(await background()).toBe('rgb(251, 250, 247)')
  await expectAccessible(page)

  await page.reload()
  await expect(html).toHaveAttribute('data-theme', 'light')
  await page.keyboard.press('Control+9')
  // Keyboard only: the radio group answers arrow keys.
  await page.getByRole('radio', { name: 'Light' }).focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked()
  await expect(html).toHaveAttribute('data-theme', 'dark')
  await page.getByRole('radio', { name: 'Match the system' }).check()
  await expect(html).not.toHaveAttribute('data-theme')
  expect((await journal.core.dispatch('settings.get', undefined)).ok).toBe(true)
})

test('a bad number of backups is refused beside the field and nothing changes', async ({ page, journal }) => {
  await journal.open(page)
  await page.getByRole('button', { name: 'Preferences' }).click()
  const keep = page.getByRole('spinbutton', { name: 'Backups to keep' })
  await keep.fill('0')
  await keep.press('Enter')
  await expect(page.getByRole('alert').filter({ hasText: 'Keep at least one backup' })).toBeVisible()
  await expect(keep).toHaveAttribute('aria-invalid', 'true')
  await expectAccessible(page)
  const stored = await journal.core.dispatch('settings.get', undefined)
  expect(stored).toMatchObject({ ok: true, value: { backupsToKeep: 10 } })

  await keep.fill('4')
  await keep.press('Tab')
  await expect(page.getByText('Keep at least one backup')).toHaveCount(0)
  await expect
    .poll(
      async () =>
        ((await journal.core.dispatch('settings.get', undefined)) as { value: { backupsToKeep: number } })
          .value.backupsToKeep
    )
    .toBe(4)

  await page.getByRole('checkbox', { name: /Check spelling/ }).uncheck()
  await expect
    .poll(
      async () =>
        ((await journal.core.dispatch('settings.get', undefined)) as { value: { spellcheck: boolean } }).value
          .spellcheck
    )
    .toBe(false)
})

test('about shows the running version and the data folder, and lists every shortcut', async ({
  page,
  journal
}) => {
  await journal.open(page)
  await expect(page.getByRole('navigation', { name: 'Journal' })).toBeVisible()
  await page.keyboard.press('Control+,')
  await expect(page.getByTestId('app-version')).toHaveText('test')
  await expect(page.getByText(journal.dataDir)).toBeVisible()
  for (const keys of ['Ctrl+N', 'Ctrl+L', 'Ctrl+K', 'Ctrl+O', 'Ctrl+Shift+E', 'Ctrl+,']) {
    await expect(page.locator('kbd', { hasText: keys }).first()).toBeVisible()
  }
})
