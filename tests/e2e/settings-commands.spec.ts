import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect, typeInEditor } from './support/fixtures'
import { openCore, type Core } from '../../src/main/core'
import { startWebHost, type WebHost } from '../../src/hosts/web/server'
import type { AppCommand } from '../../src/shared/contract'

/**
 * The desktop shell's commands reach the renderer as `app.command` events; the browser host
 * carries the same events, so the renderer's handling is tested here in Chromium. The dispatcher
 * is wrapped to see the renderer's `app.flushed` answer arrive.
 */
const test = base.extend<{
  shell: { core: Core; host: WebHost; send(c: AppCommand): void; answers: string[] }
}>({
  shell: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rj-e2e-shell-'))
    const relay: { host?: WebHost } = {}
    const core = await openCore({ dataDir, version: 'test', emit: (e, p) => relay.host?.emit(e, p) })
    const answers: string[] = []
    const host = await startWebHost({
      rendererDir: resolve(process.env.RJ_OUT_DIR ?? 'out', 'renderer'),
      dispatch: async (channel, payload) => {
        const result = await core.dispatch(channel, payload)
        if (channel === 'app.flushed') answers.push((payload as { requestId: string }).requestId)
        return result
      }
    })
    relay.host = host
    await core.dispatch('reviews.create', { title: 'Existing' })
    await use({ core, host, answers, send: (command) => host.emit('app.command', command) })
    await host.close()
    core.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})

async function reviews(core: Core): Promise<{ id: string; title: string }[]> {
  return ((await core.dispatch('reviews.list', {})) as { value: { id: string; title: string }[] }).value
}

test('a flush request writes what was typed a moment ago before it is answered', async ({ page, shell }) => {
  await page.goto(shell.host.url)
  await page.getByRole('button', { name: /Existing/ }).click()
  await typeInEditor(page, 'Typed right before closing the window.')
  shell.send({ command: 'flush', requestId: 'close-1' })
  await expect.poll(() => shell.answers).toEqual(['close-1'])
  const [{ id }] = await reviews(shell.core)
  const saved = (await shell.core.dispatch('reviews.get', { id })) as { value: { text: string } }
  expect(saved.value.text).toContain('Typed right before closing the window.')
})

test('the menu’s commands open the right screen', async ({ page, shell }) => {
  await page.goto(shell.host.url)
  await expect(page.getByRole('navigation', { name: 'Journal' })).toBeVisible()
  shell.send({ command: 'preferences' })
  await expect(page.getByRole('heading', { name: 'Preferences' })).toBeVisible()
  shell.send({ command: 'backups' })
  await expect(page.getByRole('heading', { name: 'Backups' })).toBeVisible()
  shell.send({ command: 'export' })
  await expect(page.getByRole('button', { name: 'Import & export' })).toHaveAttribute('aria-current', 'page')

  shell.send({ command: 'new-review' })
  await expect.poll(async () => (await reviews(shell.core)).length).toBe(2)
  await expect(page.getByRole('textbox', { name: 'Review title' })).toBeVisible()
})
