import { existsSync } from 'node:fs'
import { test, expect } from './fixtures'

for (const systemTheme of ['light', 'dark'] as const) {
  test(`the desktop app opens its welcome in the system’s ${systemTheme} theme, with its icon`, async ({
    desktop
  }, testInfo) => {
    const app = await desktop.launch({ systemTheme })
    const page = await app.firstWindow()
    await expect(page.getByRole('heading', { name: 'Welcome to Review Journal' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Start writing' })).toBeFocused()
    expect(app.windows[0].webContents.getURL()).toBe('app://journal/index.html')
    expect(app.windows[0].isVisible()).toBe(true)
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
      systemTheme === 'dark'
    )
    const { icon } = app.windows[0].options as { icon?: string }
    if (process.platform === 'linux') expect(existsSync(icon!), `window icon ${icon}`).toBe(true)
    await page.screenshot({ path: testInfo.outputPath(`welcome-${systemTheme}.png`) })
  })
}
