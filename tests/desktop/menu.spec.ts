import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import type { ShellApp } from './harness/app'
import { expectReviewText, writeUnsaved } from './journalPage'

/** What a person sees once each command has arrived, whichever way they gave it. */
const COMMANDS: {
  path: string[]
  arrived(page: Page, app: ShellApp): Promise<void>
  before?(app: ShellApp): void
}[] = [
  {
    path: ['File', 'New Review'],
    arrived: (page) => expect(page.getByRole('textbox', { name: 'Review title' })).toBeVisible()
  },
  {
    path: ['File', 'Log Screening…'],
    arrived: (page) => expect(page.getByRole('dialog', { name: 'Log a screening' })).toBeVisible()
  },
  {
    path: ['File', 'Import…'],
    before: (app) => app.dialogs.willCancel('open'),
    arrived: async (page, app) => {
      await expect(page.getByRole('heading', { name: 'Import and export' })).toBeVisible()
      await expect.poll(() => app.dialogs.pending()).toEqual([])
    }
  },
  {
    path: ['File', 'Export…'],
    arrived: (page) => expect(page.getByRole('heading', { name: 'Import and export' })).toBeVisible()
  },
  {
    path: ['File', 'Backups…'],
    arrived: (page) => expect(page.getByRole('heading', { name: 'Backups' })).toBeVisible()
  },
  {
    path: ['File', 'Preferences…'],
    arrived: (page) => expect(page.getByRole('heading', { name: 'Preferences' })).toBeVisible()
  },
  {
    path: ['Edit', 'Search the Journal…'],
    arrived: (page) => expect(page.getByRole('heading', { name: 'Search' })).toBeVisible()
  }
]

/** Back to the Reviews screen with nothing open, so each command starts from the same place. */
async function reset(page: Page): Promise<void> {
  await page.keyboard.press('Escape')
  await page
    .getByRole('navigation', { name: 'Journal' })
    .getByRole('button', { name: 'Reviews', exact: true })
    .click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
}

test('every menu command and its accelerator reach the same place as the renderer’s own shortcut', async ({
  desktop
}) => {
  test.setTimeout(300_000)
  const app = await desktop.launch()
  const page = await app.firstWindow()
  await page.getByRole('button', { name: 'Start writing' }).click()
  await page.getByRole('textbox', { name: 'Review title' }).fill('A review to start from')

  for (const command of COMMANDS) {
    await test.step(command.path.join(' ▸ '), async () => {
      await reset(page)
      command.before?.(app)
      await app.clickMenu(...command.path)
      await command.arrived(page, app)

      await reset(page)
      command.before?.(app)
      await app.pressAccelerator(...command.path)
      await command.arrived(page, app)
    })
  }
  // Commands the renderer answers from the keyboard are only shown in the menu, so a key acts once.
  for (const command of COMMANDS) {
    const item = app.menu!.all().find((i) => i.label === command.path.at(-1))!
    expect(item.registerAccelerator, item.label).toBe(false)
  }
})

test('the About box says which version runs and where the journal lives', async ({ desktop }) => {
  const app = await desktop.launch({ version: '3.1.4' })
  await app.firstWindow()
  app.dialogs.willAnswer(0)
  await app.clickMenu('Help', 'About Review Journal')
  await expect
    .poll(() => app.dialogs.shown.find((d) => d.kind === 'message')?.options.message)
    .toBe('Review Journal 3.1.4')
  expect(String(app.dialogs.shown.find((d) => d.kind === 'message')!.options.detail)).toContain(
    desktop.dataDir
  )
})

test('File ▸ Quit writes what was typed before the app goes', async ({ desktop }) => {
  const app = await desktop.launch()
  const page = await app.firstWindow()
  await writeUnsaved(page, 'Quit from the menu', 'Words typed just before File, Quit.')
  await app.clickMenu('File', 'quit')
  expect(await app.exited).toBe(0)

  const again = await desktop.launch()
  const reopened = await again.firstWindow()
  await expectReviewText(reopened, 'Quit from the menu', 'Words typed just before File, Quit.')
})

test('View ▸ full screen and the zoom roles act on the window', async ({ desktop }) => {
  const app = await desktop.launch()
  const page = await app.firstWindow()
  await app.clickMenu('View', 'togglefullscreen')
  expect(app.windows[0].isFullScreen()).toBe(true)
  await app.clickMenu('View', 'zoomIn')
  expect(
    await page.evaluate(() => (document.documentElement.style as CSSStyleDeclaration & { zoom: string }).zoom)
  ).not.toBe('')
  await app.clickMenu('View', 'resetZoom')
  expect(
    await page.evaluate(() => (document.documentElement.style as CSSStyleDeclaration & { zoom: string }).zoom)
  ).toBe('')
})
