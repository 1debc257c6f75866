import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test, expect, expectAccessible } from './support/fixtures'
import { openCore } from '../../src/main/core'
import { startWebHost } from '../../src/hosts/web/server'

async function titles(journal: {
  core: { dispatch(c: string, p?: unknown): Promise<unknown> }
}): Promise<string[]> {
  const result = (await journal.core.dispatch('reviews.list', {})) as { value: { title: string }[] }
  return result.value.map((r) => r.title).sort()
}

test('back up now, then restore by keyboard alone, with undo', async ({ page, journal }) => {
  await journal.core.dispatch('reviews.create', { title: 'Before the backup' })
  await journal.open(page)
  await expect(page.getByRole('navigation', { name: 'Journal' })).toBeVisible()
  await page.keyboard.press('Control+7')
  await expect(page.getByRole('heading', { name: 'Backups' })).toBeVisible()
  await expect(page.getByText(/No backups yet/)).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('button', { name: 'Back up now' }).click()
  const rows = page.getByRole('row')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(1)).toContainText('Made by you')

  await journal.core.dispatch('reviews.create', { title: 'Written after' })
  expect(await titles(journal)).toEqual(['Before the backup', 'Written after'])

  await page.getByRole('button', { name: /^Restore the backup from/ }).focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: /Restore the backup from/ })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await expectAccessible(page)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect(await titles(journal)).toEqual(['Before the backup', 'Written after'])

  await page.getByRole('button', { name: /^Restore the backup from/ }).click()
  await dialog.getByRole('button', { name: 'Restore' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Restored the backup from' })).toBeVisible()
  expect(await titles(journal)).toEqual(['Before the backup'])
  // The journal as it was is itself a backup now.
  await expect(page.getByRole('cell', { name: 'Before a restore' })).toBeVisible()

  await page
    .getByRole('status')
    .filter({ hasText: 'Restored the backup from' })
    .getByRole('button', { name: 'Undo' })
    .click()
  await expect.poll(() => titles(journal)).toEqual(['Before the backup', 'Written after'])
})

test('the reviews list follows a restore without a reload', async ({ page, journal }) => {
  await journal.core.dispatch('reviews.create', { title: 'Kept' })
  await journal.core.dispatch('backup.create', undefined)
  await journal.core.dispatch('reviews.create', { title: 'Gone after restore' })
  await journal.open(page)
  await expect(page.getByRole('button', { name: /Gone after restore/ })).toBeVisible()
  await page.getByRole('button', { name: 'Backups' }).click()
  await page.getByRole('button', { name: /^Restore the backup from/ }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click()
  await page.getByRole('button', { name: 'Reviews' }).click()
  await expect(page.getByRole('button', { name: /Kept/ })).toBeVisible()
  await expect(page.getByRole('button', { name: /Gone after restore/ })).toHaveCount(0)
})

test('a damaged journal says so plainly and restores the newest good backup', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rj-e2e-damaged-'))
  const first = await openCore({ dataDir, version: 'test' })
  for (let i = 0; i < 60; i++)
    await first.dispatch('reviews.create', { title: `Review ${i} ${'padding '.repeat(30)}` })
  await first.dispatch('backup.create', undefined)
  first.close()
  const file = join(dataDir, 'journal.sqlite')
  const fd = openSync(file, 'r+')
  for (let p = 2; p < statSync(file).size / 4096; p += 3)
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, p * 4096)
  closeSync(fd)

  const core = await openCore({ dataDir, version: 'test', checkIntegrity: true })
  const host = await startWebHost({
    dispatch: core.dispatch,
    rendererDir: resolve(process.env.RJ_OUT_DIR ?? 'out', 'renderer')
  })
  try {
    await page.goto(host.url)
    const banner = page.getByRole('alert').filter({ hasText: 'Your journal file is damaged' })
    await expect(banner).toBeVisible()
    await expect(banner).toContainText('open read-only')
    await expectAccessible(page)
    await banner.getByRole('button', { name: 'Restore that backup' }).click()
    await expect(banner).toBeHidden()
    await expect(page.getByRole('button', { name: /Review 59/ })).toBeVisible()
    expect(await core.dispatch('reviews.create', { title: 'Writable again' })).toMatchObject({ ok: true })
  } finally {
    await host.close()
    core.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
