import { test, expect, type Journal } from './support/fixtures'
import { backupJournal } from '../../src/main/core/backup/backups'

async function review(journal: Journal, title: string) {
  const result = await journal.core.dispatch('reviews.create', { title })
  if (!result.ok) throw new Error(result.error.message)
  return result.value as { id: string }
}

test('two backups taken for the same reason in the same minute read differently: time and contents', async ({
  page,
  journal
}) => {
  await review(journal, 'Her')
  const at = new Date('2026-12-07T09:41:07.000Z')
  await backupJournal(journal.core.db, journal.dataDir, 'before-import', at)
  await review(journal, 'Before Sunrise')
  await review(journal, 'The General')
  await backupJournal(journal.core.db, journal.dataDir, 'before-import', new Date(at.getTime() + 20_000))
  await journal.open(page)
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
  await page.keyboard.press('Control+7')
  const rows = page.getByRole('table').getByRole('row')
  await expect(rows).toHaveCount(3)
  const [newer, older] = [await rows.nth(1).innerText(), await rows.nth(2).innerText()]
  expect(newer).not.toEqual(older)
  expect(newer).toContain('3 reviews')
  expect(older).toContain('1 review')
  expect(newer).toMatch(/:27/)
  expect(older).toMatch(/:07/)
})

test('Trash lines up with every other screen instead of sitting in the middle', async ({ page, journal }) => {
  await review(journal, 'Her')
  await page.setViewportSize({ width: 1280, height: 800 })
  await journal.open(page)
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
  const headingLeft = async (key: string) => {
    await page.keyboard.press(`Control+${key}`)
    const box = await page.locator('main h1').first().boundingBox()
    return Math.round(box?.x ?? -1)
  }
  const backups = await headingLeft('7')
  const preferences = await headingLeft('9')
  const trash = await headingLeft('8')
  expect(Math.abs(trash - backups)).toBeLessThanOrEqual(8)
  expect(Math.abs(trash - preferences)).toBeLessThanOrEqual(8)
})

test('Statistics scrolls inside its pane: the window never grows and the sidebar stays', async ({
  page,
  journal
}) => {
  // Twenty-five years of monthly screenings: long hidden tables behind the month charts.
  for (let i = 0; i < 300; i++) {
    const watchedOn = `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-10`
    const result = await journal.core.dispatch('screenings.log', {
      film: { title: `Film ${i % 40}`, year: 1990 + (i % 30) },
      watchedOn,
      venue: `Venue ${i % 9}`,
      format: 'cinema'
    })
    if (!result.ok) throw new Error(result.error.message)
  }
  await page.setViewportSize({ width: 1280, height: 800 })
  await journal.open(page)
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
  await page.keyboard.press('Control+5')
  await expect(page.locator('.stats-screen .recharts-wrapper').first()).toBeVisible()
  const windowHeight = () => page.evaluate(() => document.scrollingElement!.scrollHeight - innerHeight)
  expect(await windowHeight()).toBeLessThanOrEqual(0)
  await page.mouse.move(700, 500)
  await page.mouse.wheel(0, 20_000)
  await page.keyboard.press('End')
  expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0)
  await expect(page.getByRole('navigation', { name: 'Journal' })).toBeInViewport()
  expect(await windowHeight()).toBeLessThanOrEqual(0)
})
