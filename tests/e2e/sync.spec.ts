import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect, expectAccessible, typeInEditor, type Journal } from './support/fixtures'
import { openCore } from '../../src/main/core'
import { startWebHost, type WebHost } from '../../src/hosts/web/server'

const rendererDir = resolve(process.env.RJ_OUT_DIR ?? 'out', 'renderer')

/** A second computer: its own data folder and browser host, as `npm run web` would start it. */
async function secondJournal(): Promise<Journal & { stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rj-e2e-second-'))
  const relay: { host?: WebHost } = {}
  const core = await openCore({
    dataDir,
    version: 'test',
    interactive: true,
    emit: (e, p) => relay.host?.emit(e, p)
  })
  const host = await startWebHost({ dispatch: core.dispatch, rendererDir })
  relay.host = host
  return {
    dataDir,
    core,
    host,
    open: async (page) => void (await page.goto(host.url)),
    stop: async () => {
      await host.close()
      core.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

/** Keeps a picture of the screen in the test's output folder, in both themes, for a person to look at. */
async function picture(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.screenshot({ path: test.info().outputPath(`${name}-${scheme}.png`) })
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

test('a review written here reaches a second computer that joins through the shared folder', async ({
  page,
  journal,
  browser
}) => {
  test.setTimeout(120_000)
  const folder = mkdtempSync(join(tmpdir(), 'rj-e2e-sync-folder-'))
  try {
    // The first computer: a review, then Preferences ▸ Sync.
    await journal.open(page)
    await page.getByRole('button', { name: 'Start writing' }).click()
    await page.getByRole('textbox', { name: 'Review title' }).fill('Stalker')
    await typeInEditor(page, 'The room grants wishes, and the zone is patient.')
    await expect
      .poll(async () => {
        const list = await journal.core.dispatch('reviews.list', {})
        return list.ok ? (list.value as { title: string; wordCount?: number }[]).map((r) => r.title) : []
      })
      .toEqual(['Stalker'])
    await page.keyboard.press('Control+9')
    const section = page.getByRole('group', { name: 'Sync', exact: true })
    await expect(section).toBeVisible()
    await section.getByRole('textbox', { name: 'Folder' }).fill(folder)
    await section.getByLabel('Passphrase (optional)').fill('long walk to the room')
    await section.getByLabel('Passphrase again').fill('long walk to the rooms')
    await section.getByRole('button', { name: 'Start syncing' }).click()
    await expect(section.getByRole('alert')).toHaveText(/passphrases differ/)
    await expectAccessible(page)
    await picture(page, 'preferences-sync-set-up')
    await section.getByLabel('Passphrase again').fill('long walk to the room')
    await section.getByLabel('Passphrase again').press('Enter')

    await expect(section.getByTestId('sync-target')).toHaveText(`${folder} (encrypted with a passphrase)`)
    await expect(section.getByTestId('sync-last')).toContainText('just now', { timeout: 20_000 })
    await expect(section.getByTestId('sync-last')).toContainText(/Sent .*1 review\b/)
    await expect(section.getByTestId('sync-pending')).toHaveText('Nothing waiting to sync')
    const mark = page.getByRole('navigation', { name: 'Journal' }).getByTestId('sync-mark')
    await expect(mark).toHaveAttribute('data-state', 'synced')
    await expect(mark).toHaveAccessibleName(/^Synced, last synced just now$/)
    await section.scrollIntoViewIfNeeded()
    await expectAccessible(page)
    await picture(page, 'preferences-sync')

    // Sync now, by keyboard, goes through again and leaves nothing pending.
    await section.getByRole('button', { name: 'Sync now' }).focus()
    await page.keyboard.press('Enter')
    await expect(section.getByRole('button', { name: 'Sync now' })).toBeEnabled({ timeout: 20_000 })
    await expect(section.getByRole('alert')).toHaveCount(0)

    // The second computer: an empty journal joins from the first-run screen.
    const second = await secondJournal()
    const context = await browser.newContext()
    try {
      const other = await context.newPage()
      await second.open(other)
      await other.getByRole('button', { name: 'Join a journal I keep on another computer…' }).click()
      const dialog = other.getByRole('dialog', { name: 'Join a journal I keep on another computer' })
      await expect(dialog).toBeVisible()
      // Keyboard alone: focus is in the dialog, on its first field.
      await expect(dialog.getByRole('textbox', { name: 'Folder' })).toBeFocused()
      await other.keyboard.type(folder)
      await other.keyboard.press('Tab')
      await other.keyboard.type('a wrong guess')
      await other.keyboard.press('Enter')
      await expect(dialog.getByRole('alert')).toHaveText(/Wrong passphrase/, { timeout: 20_000 })
      expect((await second.core.dispatch('reviews.list', {})) as { value: unknown[] }).toMatchObject({
        value: []
      })
      await expectAccessible(other)
      await picture(other, 'join-wrong-passphrase')

      await dialog.getByLabel('Passphrase (optional)').fill('long walk to the room')
      await dialog.getByRole('button', { name: 'Join and sync' }).click()
      await expect(other.getByRole('navigation', { name: 'Journal' })).toBeVisible({ timeout: 20_000 })
      await other.getByRole('button', { name: /^Stalker/ }).click()
      await expect(other.getByRole('textbox', { name: 'Review text' })).toHaveText(
        'The room grants wishes, and the zone is patient.'
      )
      await expect(other.getByTestId('sync-mark')).toHaveAttribute('data-state', 'synced')
      await picture(other, 'joined')
    } finally {
      await context.close()
      await second.stop()
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
})

test('the join dialog refuses a folder that is not there beside its field, and closing it leaves sync off', async ({
  page,
  journal
}) => {
  const missing = join(tmpdir(), 'rj-e2e-no-such-folder-here')
  await journal.open(page)
  await page.getByRole('button', { name: 'Join a journal I keep on another computer…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Join a journal I keep on another computer' })
  await dialog.getByRole('textbox', { name: 'Folder' }).fill(missing)
  await dialog.getByRole('button', { name: 'Join and sync' }).click()
  await expect(dialog.getByText(`There is no folder at ${missing}.`)).toBeVisible()
  await expect(dialog.getByRole('textbox', { name: 'Folder' })).toHaveAttribute('aria-invalid', 'true')
  await expectAccessible(page)
  await picture(page, 'join-form')
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Welcome to Review Journal' })).toBeVisible()
  const status = await journal.core.dispatch('sync.status', undefined)
  expect(status).toMatchObject({ ok: true, value: { target: null } })
})
