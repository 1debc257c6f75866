import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import {
  test,
  expect,
  expectAccessible,
  call,
  storedText,
  typeInEditor,
  type Journal
} from './support/fixtures'
import { overlappingControls, windowOverflow } from './support/screens'
import { openCore } from '../../src/main/core'
import { startWebHost, type WebHost } from '../../src/hosts/web/server'
import { readSyncConfig } from '../../src/main/core/sync/sessionConfig'
import { pendingCounts } from '../../src/main/core/sync/status'

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

/**
 * `npm run sync-server` in a process of its own, as whoever runs one starts it (and so with its own
 * copy of Yjs: two copies in one process refuse each other's documents).
 */
async function startServerProcess(dataDir: string, token: string) {
  const child = spawn(
    process.execPath,
    ['bin/sync-server.cjs', '--port', '0', '--host', '127.0.0.1', '--data', dataDir, '--token', token],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  )
  const port = await new Promise<number>((resolvePort, reject) => {
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /listening on port (\d+)/.exec(out)
      if (match) resolvePort(Number(match[1]))
    })
    child.on('exit', (code) => reject(new Error(`sync-server exited ${code}`)))
  })
  const stopped = new Promise((done) => child.once('exit', done))
  return {
    url: `ws://127.0.0.1:${port}`,
    stop: async () => {
      child.kill()
      await stopped
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
  // What every screen promises: no control over another, and no window scrolling.
  expect(await overlappingControls(page), name).toEqual([])
  expect(await windowOverflow(page), name).toEqual({ down: 0, across: 0 })
}

/** What the next round would still take in or send, read without a channel call. */
function pending(journal: Journal) {
  return pendingCounts(journal.core.db, readSyncConfig(journal.core.db).target)
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

    // Automatic sync: a few more words, and a moment later they are sent without a click. "Sync now"
    // may still be finishing its round, so what counts is the words stored and then nothing pending.
    await page.keyboard.press('Control+1')
    await page.getByRole('button', { name: /^Stalker/ }).click()
    await page.getByRole('textbox', { name: 'Review text' }).click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' It waits.')
    const [stalker] = (await call(journal, 'reviews.list', {})) as { id: string }[]
    await expect.poll(() => storedText(journal, stalker.id)).toMatch(/It waits\.$/)
    await expect.poll(() => pending(journal), { timeout: 30_000 }).toEqual({ unsent: 0, uncaptured: 0 })
    await expect(mark).toHaveAttribute('data-state', 'synced')

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
        'The room grants wishes, and the zone is patient. It waits.'
      )
      await expect(other.getByTestId('sync-mark')).toHaveAttribute('data-state', 'synced')
      await picture(other, 'joined')
    } finally {
      await context.close()
      await second.stop()
    }

    // Stop syncing, by keyboard: the question starts on the safe answer; the mark goes.
    await page.keyboard.press('Control+9')
    await section.getByRole('button', { name: 'Stop syncing on this computer…' }).click()
    const question = page.getByRole('dialog', { name: 'Stop syncing on this computer?' })
    await expect(question.getByRole('button', { name: 'Keep syncing' })).toBeFocused()
    await expectAccessible(page)
    await page.keyboard.press('Tab')
    await expect(question.getByRole('button', { name: 'Stop syncing' })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(section.getByRole('button', { name: 'Start syncing' })).toBeVisible()
    await expect(mark).toHaveCount(0)
    const stopped = await journal.core.dispatch('sync.status', undefined)
    expect(stopped).toMatchObject({ ok: true, value: { target: null, lastSync: null } })
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

test('a sync server: a wrong token is said plainly, and a second computer joins through the server', async ({
  page,
  journal,
  browser
}) => {
  test.setTimeout(120_000)
  const serverData = mkdtempSync(join(tmpdir(), 'rj-e2e-sync-server-'))
  const server = await startServerProcess(serverData, 'desk-token')
  const url = server.url
  const second = await secondJournal()
  const context = await browser.newContext()
  try {
    await journal.core.dispatch('reviews.create', { title: 'Mirror' })
    await journal.open(page)
    await expect(page.getByRole('button', { name: /^Mirror/ })).toBeVisible()
    await page.keyboard.press('Control+9')
    const section = page.getByRole('group', { name: 'Sync', exact: true })
    await section.getByRole('radio', { name: 'A sync server' }).check()
    await section.getByRole('textbox', { name: 'Server address' }).fill(url)
    await section.getByLabel('Token').fill('a guess')
    await section.getByRole('button', { name: 'Start syncing' }).click()
    await expect(section.getByRole('alert')).toContainText(/token/i, { timeout: 20_000 })
    await expect(page.getByTestId('sync-mark')).toHaveAttribute('data-state', 'error')
    await expect(page.getByTestId('sync-mark')).toHaveAccessibleName(/^Sync failed: /)
    await expectAccessible(page)
    await picture(page, 'preferences-sync-server-error')

    await section.getByRole('button', { name: 'Change where it syncs…' }).click()
    // The form starts from where it syncs now.
    await expect(section.getByRole('radio', { name: 'A sync server' })).toBeChecked()
    await expect(section.getByRole('textbox', { name: 'Server address' })).toHaveValue(url)
    await section.getByLabel('Token').fill('desk-token')
    await section.getByRole('button', { name: 'Start syncing' }).click()
    await expect(section.getByTestId('sync-target')).toHaveText(url)
    await expect(section.getByTestId('sync-last')).toContainText('Sent 1 review', { timeout: 20_000 })
    await expect(section.getByRole('alert')).toHaveCount(0)

    const other = await context.newPage()
    await second.open(other)
    await other.getByRole('button', { name: 'Join a journal I keep on another computer…' }).click()
    const dialog = other.getByRole('dialog', { name: 'Join a journal I keep on another computer' })
    await dialog.getByRole('radio', { name: 'A sync server' }).check()
    await dialog.getByRole('textbox', { name: 'Server address' }).fill(url)
    await dialog.getByLabel('Token').fill('desk-token')
    await expectAccessible(other)
    await picture(other, 'join-server')
    await dialog.getByRole('button', { name: 'Join and sync' }).click()
    await expect(other.getByRole('button', { name: /^Mirror/ })).toBeVisible({ timeout: 20_000 })
  } finally {
    await context.close()
    await second.stop()
    await server.stop()
    rmSync(serverData, { recursive: true, force: true })
  }
})
