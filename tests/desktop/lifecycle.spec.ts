import { test, expect } from './fixtures'
import { expectReviewText, writeUnsaved } from './journalPage'

test('a review typed just before quitting is there after a relaunch', async ({ desktop }) => {
  const app = await desktop.launch()
  const page = await app.firstWindow()
  await writeUnsaved(page, 'Written in the desktop app', 'The last words before quitting.')
  // Ctrl+Q at once, before the autosave's pause: the shell must ask the page to flush first.
  expect(await desktop.quit(app)).toBe(0)

  const again = await desktop.launch()
  const reopened = await again.firstWindow()
  await expectReviewText(reopened, 'Written in the desktop app', 'The last words before quitting.')
})

test('closing the window saves what was typed and quits the app', async ({ desktop }) => {
  const app = await desktop.launch()
  const page = await app.firstWindow()
  await writeUnsaved(page, 'Closed with the button', 'Typed a moment before the window closed.')
  app.windows[0].close()
  expect(await app.exited).toBe(0)

  const again = await desktop.launch()
  const reopened = await again.firstWindow()
  await expectReviewText(reopened, 'Closed with the button', 'Typed a moment before the window closed.')
})

test('the window opens where it was left, maximised or not', async ({ desktop }) => {
  const app = await desktop.launch()
  await app.firstWindow()
  app.windows[0].setBounds({ x: 140, y: 90, width: 1024, height: 700 })
  await desktop.quit(app)

  const again = await desktop.launch()
  const page = await again.firstWindow()
  expect(again.windows[0].getBounds()).toEqual({ x: 140, y: 90, width: 1024, height: 700 })
  expect(page.viewportSize()).toEqual({ width: 1024, height: 700 })
  again.windows[0].maximize()
  await desktop.quit(again)

  const third = await desktop.launch()
  await third.firstWindow()
  await expect.poll(() => third.windows[0].isMaximized()).toBe(true)
  // Unmaximising returns to the size it had before.
  third.windows[0].unmaximize()
  expect(third.windows[0].getBounds()).toEqual({ x: 140, y: 90, width: 1024, height: 700 })
})

test('a window left on a screen that is gone opens on the one that is there', async ({ desktop }) => {
  const app = await desktop.launch()
  await app.firstWindow()
  app.windows[0].setBounds({ x: 2400, y: 100, width: 1000, height: 700 })
  await desktop.quit(app)

  const again = await desktop.launch({ workArea: { x: 0, y: 0, width: 1280, height: 800 } })
  await again.firstWindow()
  const { x, width } = again.windows[0].getBounds()
  expect(x + width).toBeLessThanOrEqual(1280 + 100)
  expect(width).toBe(1000)
})

test('the theme and spellcheck preferences reach the window and the session, and last', async ({
  desktop
}) => {
  const app = await desktop.launch({ systemTheme: 'light' })
  const page = await app.firstWindow()
  expect(app.session.isSpellCheckerEnabled()).toBe(true)
  await page.getByRole('button', { name: 'Start writing' }).click()
  await page.keyboard.press('Control+Comma')
  await page.getByRole('radio', { name: 'Dark' }).check()
  await page.getByRole('checkbox', { name: /Check spelling/ }).uncheck()
  await expect.poll(() => app.themeSource).toBe('dark')
  await expect.poll(() => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true)
  await expect.poll(() => app.session.isSpellCheckerEnabled()).toBe(false)
  await desktop.quit(app)

  const again = await desktop.launch({ systemTheme: 'light' })
  const reopened = await again.firstWindow()
  expect(again.themeSource).toBe('dark')
  expect(again.session.isSpellCheckerEnabled()).toBe(false)
  expect(await reopened.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true)
})

test('the OS shutting down writes pending text before the app goes', async ({ desktop }) => {
  const app = await desktop.launch()
  const page = await app.firstWindow()
  await writeUnsaved(page, 'Shut down', 'Saved as the machine went down.')
  const event = app.powerMonitor.fire('shutdown')
  expect(event.defaultPrevented).toBe(true)
  expect(await app.exited).toBe(0)

  const again = await desktop.launch()
  const reopened = await again.firstWindow()
  await expectReviewText(reopened, 'Shut down', 'Saved as the machine went down.')
})
