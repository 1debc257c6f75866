import { test as base, expect, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openCore, type Core } from '../../../src/main/core'
import { startWebHost, type WebHost } from '../../../src/hosts/web/server'
import type { ChannelInput, ChannelName, ChannelResult } from '../../../src/shared/contract'

export interface Journal {
  dataDir: string
  core: Core
  host: WebHost
  /** Opens the app in `page` with the host's token, as a person following the printed URL would. */
  open(page: Page): Promise<void>
}

const rendererDir = resolve(process.env.RJ_OUT_DIR ?? 'out', 'renderer')

/** A fresh data folder and browser host per test, torn down afterwards. */
export const test = base.extend<{ journal: Journal }>({
  journal: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rj-e2e-'))
    const relay: { host?: WebHost } = {}
    const core = await openCore({
      dataDir,
      version: 'test',
      interactive: true,
      emit: (e, p) => relay.host?.emit(e, p)
    })
    const started = await startWebHost({ dispatch: core.dispatch, rendererDir })
    relay.host = started
    await use({
      dataDir,
      core,
      host: started,
      open: async (page) => {
        await page.goto(started.url)
      }
    })
    await started.close()
    core.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})

export { expect }

/** Fails on any serious or critical axe-core violation on the current screen. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual(
    []
  )
}

/** Types into the review body the way a person does: click into it, then press keys. */
export async function typeInEditor(page: Page, text: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: 'Review text' })
  await editor.click()
  await page.keyboard.type(text)
}

/** Calls the journal's core directly (setting up what a test needs), failing loudly on an error answer. */
export async function call<K extends ChannelName>(
  journal: Journal,
  channel: K,
  input: ChannelInput<K>
): Promise<ChannelResult<K>> {
  const result = await journal.core.dispatch(channel, input)
  if (!result.ok) throw new Error(result.error.message)
  return result.value as ChannelResult<K>
}

/** A review's text as the journal holds it. */
export async function storedText(journal: Journal, id: string): Promise<string> {
  return (await call(journal, 'reviews.get', { id })).text
}

/** The texts kept in a review's history, newest first. */
export async function historyTexts(journal: Journal, id: string): Promise<string[]> {
  const texts: string[] = []
  for (const v of await call(journal, 'reviews.revisions', { id }))
    texts.push((await call(journal, 'reviews.revision', { revisionId: v.id })).text)
  return texts
}
