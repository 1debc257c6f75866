import { test, expect } from './fixtures'

test('Preferences ▸ Sync: the folder comes from the desktop’s own folder dialog, and a cancelled one changes nothing', async ({
  desktop
}) => {
  const folder = desktop.folder('shared-folder')
  const app = await desktop.launch()
  const page = await app.firstWindow()
  await page.getByRole('button', { name: 'Open the sample journal' }).click()
  await expect(page.getByRole('navigation', { name: 'Journal' })).toBeVisible()
  await page.keyboard.press('Control+9')
  const section = page.getByRole('group', { name: 'Sync', exact: true })
  const field = section.getByRole('textbox', { name: 'Folder' })

  app.dialogs.willCancel('open')
  await section.getByRole('button', { name: 'Choose…' }).click()
  await expect.poll(() => app.dialogs.pending()).toEqual([])
  await expect(field).toHaveValue('')

  app.dialogs.willOpen(folder)
  await section.getByRole('button', { name: 'Choose…' }).click()
  await expect(field).toHaveValue(folder)
  const opened = app.dialogs.shown.filter((d) => d.kind === 'open')
  expect(opened).toHaveLength(2)
  for (const dialog of opened) {
    // A folder, not a file, in a dialog modal to the journal's window.
    expect(dialog.options.properties).toEqual(['openDirectory', 'createDirectory'])
    expect(dialog.modal).toBe(true)
  }

  await section.getByRole('button', { name: 'Start syncing' }).click()
  await expect(section.getByTestId('sync-target')).toHaveText(folder)
  await expect(section.getByTestId('sync-last')).toContainText('just now', { timeout: 30_000 })
  await expect(page.getByTestId('sync-mark')).toHaveAttribute('data-state', 'synced')
})
