import { test, expect } from './fixtures'

test('the desktop app starts, shows its window and answers through window.journal', async ({ desktop }) => {
  const app = await desktop.launch()
  const page = await app.firstWindow()
  await expect(page.getByRole('navigation')).toBeVisible()
  expect(await page.evaluate(() => typeof (window as unknown as { journal?: object }).journal)).toBe('object')
  expect(app.windows[0].webContents.getURL()).toBe('app://journal/index.html')
  await page.screenshot({ path: '/tmp/desktop-start.png' })
})
