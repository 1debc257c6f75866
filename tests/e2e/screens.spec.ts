import type { Page } from '@playwright/test'
import { test, expect, expectAccessible, type Journal } from './support/fixtures'
import { overlappingControls, windowOverflow, type ScreenVisit } from './support/screens'
import { backupJournal } from '../../src/main/core/backup/backups'

/** The sample journal, the critic's name, one backup and one review in the trash. */
async function seed(journal: Journal): Promise<void> {
  const call = async (channel: string, input?: unknown) => {
    const result = await journal.core.dispatch(channel as never, input as never)
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
    return result.value as { id: string }
  }
  await call('sample.load')
  await call('settings.update', { criticName: 'Ana Lima', defaultOutlet: 'Sight and Sound' })
  const gone = await call('reviews.create', { title: 'A draft I gave up on' })
  await call('reviews.trash', { id: gone.id })
  await backupJournal(journal.core.db, journal.dataDir, 'manual', new Date('2026-12-01T10:00:00.000Z'))
}

const heading = (page: Page, name: RegExp) =>
  expect(page.getByRole('heading', { name, level: 1 })).toBeVisible()

/** Every screen, reached the way a person reaches it, and what shows it is ready. */
const SCREENS: ScreenVisit[] = [
  {
    name: 'reviews',
    open: async (page) => {
      await page.keyboard.press('Control+1')
      await heading(page, /^Reviews/)
    }
  },
  {
    name: 'review',
    open: async (page) => {
      await page.keyboard.press('Control+1')
      await page
        .locator('.list-pane')
        .getByRole('button', { name: /Sunrise/ })
        .first()
        .click()
      await expect(page.getByRole('textbox', { name: 'Review text' })).toContainText(/\w/)
    }
  },
  {
    name: 'screenings',
    open: async (page) => {
      await page.keyboard.press('Control+2')
      await expect(page.getByRole('table', { name: 'Diary' }).getByRole('row').nth(2)).toBeVisible()
    }
  },
  {
    name: 'responses',
    open: async (page) => {
      await page.keyboard.press('Control+3')
      await expect(page.locator('.inbox-entry').first()).toBeVisible()
    }
  },
  {
    name: 'films',
    open: async (page) => {
      await page.keyboard.press('Control+4')
      await heading(page, /Films/)
    }
  },
  {
    name: 'statistics',
    open: async (page) => {
      await page.keyboard.press('Control+5')
      await expect(page.locator('.stats-screen:not([aria-busy="true"]) .recharts-wrapper > svg')).toHaveCount(
        7
      )
    }
  },
  {
    name: 'search',
    open: async (page) => {
      await page.keyboard.press('Control+k')
      await page.keyboard.type('sunrise')
      await expect(page.locator('.search-hit').first()).toBeVisible()
    }
  },
  {
    name: 'archives',
    open: async (page) => {
      await page.keyboard.press('Control+6')
      await heading(page, /Import and export/)
    }
  },
  {
    name: 'backups',
    open: async (page) => {
      await page.keyboard.press('Control+7')
      await expect(page.getByRole('button', { name: /Restore the backup/ })).toBeVisible()
    }
  },
  {
    name: 'trash',
    open: async (page) => {
      await page.keyboard.press('Control+8')
      await expect(page.locator('.trash-item .item-title')).toHaveText('A draft I gave up on')
    }
  },
  {
    name: 'preferences',
    open: async (page) => {
      await page.keyboard.press('Control+9')
      await heading(page, /Preferences/)
    }
  }
]

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 }
]
const THEMES = ['light', 'dark'] as const

/** Parts that change from run to run (times of day, the temporary data folder, the version). */
const volatile = (page: Page) => [
  page.locator('time'),
  page.locator('.item-meta'),
  page.locator('.settings dd'),
  page.locator('.backups td:first-child'),
  page.locator('.trash-item .item-meta'),
  page.locator('.hint').filter({ hasText: /backups/ })
]

async function openJournal(page: Page, journal: Journal) {
  await seed(journal)
  await journal.open(page)
  await heading(page, /^Reviews/)
  // Notices ("Restored", "Logged") come and go with time; none is part of a screen.
  await page.addStyleTag({ content: '.notices { display: none !important; }' })
}

for (const theme of THEMES) {
  test(`every screen, ${theme}: the window never scrolls and no control overlaps another, at two sizes`, async ({
    page,
    journal
  }) => {
    test.setTimeout(240_000)
    await page.emulateMedia({ colorScheme: theme })
    await openJournal(page, journal)
    const problems: string[] = []
    for (const size of SIZES) {
      await page.setViewportSize(size)
      for (const screen of SCREENS) {
        await screen.open(page)
        const where = `${screen.name} at ${size.width}×${size.height}`
        const overflow = await windowOverflow(page)
        if (overflow.down > 0 || overflow.across > 0)
          problems.push(`${where}: the window scrolls ${overflow.down} px down, ${overflow.across} px across`)
        for (const clash of await overlappingControls(page)) problems.push(`${where}: ${clash}`)
      }
    }
    expect(problems).toEqual([])
  })

  test(`every screen looks as it did, ${theme}`, async ({ page, journal }) => {
    test.setTimeout(240_000)
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' })
    await page.setViewportSize(SIZES[0])
    await openJournal(page, journal)
    for (const screen of SCREENS) {
      await screen.open(page)
      // The caret blinks, the focus ring follows the last key, a chart's tooltip the pointer: none is layout.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
      await page.mouse.move(1, 790)
      await expect(page).toHaveScreenshot(`${screen.name}-${theme}.png`, {
        mask: volatile(page),
        maxDiffPixelRatio: 0.01,
        animations: 'disabled',
        caret: 'hide'
      })
      await expectAccessible(page)
    }
  })
}

test('the cursor lands where typing goes after every command that creates or opens something', async ({
  page,
  journal
}) => {
  await openJournal(page, journal)
  const focusedName = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el || el === document.body) return 'the page body'
      const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null
      return (el.getAttribute('aria-label') ?? label ?? el.textContent ?? el.tagName).trim()
    })
  const steps: [string, (page: Page) => Promise<void>, RegExp][] = [
    ['Ctrl+N', (p) => p.keyboard.press('Control+n'), /^Review title$/],
    ['Ctrl+L', (p) => p.keyboard.press('Control+l'), /^Film$/],
    ['Escape', (p) => p.keyboard.press('Escape'), /./],
    ['Ctrl+K', (p) => p.keyboard.press('Control+k'), /^Search the journal$/],
    ['Ctrl+3', (p) => p.keyboard.press('Control+3'), /Inbox/],
    [
      'Reply in the inbox',
      (p) => p.locator('.inbox-entry').first().getByRole('button', { name: 'Reply', exact: true }).click(),
      /^Text \(required\)$/
    ],
    ['Ctrl+9', (p) => p.keyboard.press('Control+9'), /^Preferences$/],
    [
      'the sidebar’s Log a screening',
      (p) => p.getByRole('button', { name: /Log a screening/ }).click(),
      /^Film$/
    ],
    ['Escape', (p) => p.keyboard.press('Escape'), /./],
    ['Ctrl+1', (p) => p.keyboard.press('Control+1'), /^Reviews$/],
    ['New review', (p) => p.getByRole('button', { name: 'New review' }).click(), /^Review title$/],
    ['Ctrl+2', (p) => p.keyboard.press('Control+2'), /Screenings|Diary/],
    [
      'Write review from the diary',
      (p) =>
        p.getByRole('table', { name: 'Diary' }).getByRole('button', { name: 'Write review' }).first().click(),
      /^Review title$|^Review text$/
    ]
  ]
  const wrong: string[] = []
  for (const [command, run, expected] of steps) {
    await run(page)
    await expect
      .poll(focusedName, { timeout: 3_000 })
      .toMatch(expected)
      .catch(() => undefined)
    const focused = await focusedName()
    if (!expected.test(focused)) wrong.push(`after ${command}: focus on ${focused}`)
  }
  expect(wrong).toEqual([])
})

test.describe('in German', () => {
  test.use({ locale: 'de-DE', timezoneId: 'Europe/Berlin' })

  test('every date on every screen comes from the one formatter, in the system’s locale', async ({
    page,
    journal
  }) => {
    test.setTimeout(240_000)
    await openJournal(page, journal)
    // The formatter's German day; the sample's screening of Sunrise on 1 March 2026 shows in the diary.
    const german = new Intl.DateTimeFormat('de-DE', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC'
    }).format(new Date(Date.UTC(2026, 2, 1, 12)))
    const foreign: string[] = []
    let seenGerman = false
    for (const screen of SCREENS) {
      await screen.open(page)
      const text = await page.locator('#main').innerText()
      if (text.includes(german)) seenGerman = true
      // ISO days (2026-03-01), US numeric days (3/1/2026) and English months ("Mar 1, 2026") are not German.
      for (const match of text.matchAll(
        /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{4}\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}, \d{4}\b/g
      ))
        foreign.push(`${screen.name}: ${match[0]}`)
    }
    expect(foreign).toEqual([])
    expect(seenGerman).toBe(true)
  })
})
