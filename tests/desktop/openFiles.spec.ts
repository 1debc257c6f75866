import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { openCore, grantFile } from '../../src/main/core'

/** A small journal archive made by the core itself: the file a critic double-clicks. */
async function makeArchive(folder: string, name = 'from-the-laptop.rjarchive'): Promise<string> {
  const core = await openCore({ dataDir: join(folder, 'journal'), version: 'test' })
  await core.dispatch('sample.load', undefined)
  const path = join(folder, name)
  const answer = await core.dispatch('archive.export', {
    format: 'archive',
    fileId: grantFile(path, 'write').fileId
  })
  core.close()
  if (!answer.ok) throw new Error(answer.error.message)
  return path
}

async function expectImportOffered(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Import and export' })).toBeVisible()
  await expect(
    page.getByRole('table', { name: new RegExp(`Preview of importing ${name.replace(/\./g, '\\.')}`) })
  ).toBeVisible({ timeout: 30_000 })
  // Offered, not done: nothing is written until the critic says so.
  await expect(page.getByRole('button', { name: `Import ${name}` })).toBeVisible()
}

test('an archive named on the command line is offered for import once the window is up', async ({
  desktop
}) => {
  const archive = await makeArchive(desktop.folder('made'))
  const app = await desktop.launch({ argv: ['--enable-logging', archive, 'notes.txt'] })
  const page = await app.firstWindow()
  await expectImportOffered(page, 'from-the-laptop.rjarchive')
})

test('an archive macOS hands over while the app starts, or later, is offered for import', async ({
  desktop
}) => {
  const archive = await makeArchive(desktop.folder('made'))
  const app = await desktop.launch({ openFiles: [archive] })
  const page = await app.firstWindow()
  await expectImportOffered(page, 'from-the-laptop.rjarchive')

  const later = await makeArchive(desktop.folder('later'), 'second.rjarchive')
  expect(app.openFile(later), 'open-file is taken by the app').toBe(true)
  await expectImportOffered(page, 'second.rjarchive')
})

test('a second launch with an archive hands it to the running window and quits', async ({ desktop }) => {
  const archive = await makeArchive(desktop.folder('made'))
  const first = await desktop.launch()
  const page = await first.firstWindow()
  first.windows[0].minimize()

  const second = await desktop.launch({ argv: [archive] })
  expect(await second.exited).toBe(0)
  expect(second.windows).toHaveLength(0)
  await expectImportOffered(page, 'from-the-laptop.rjarchive')
  // The running window comes forward.
  expect(first.windows[0].isMinimized()).toBe(false)
  expect(first.windows).toHaveLength(1)
})
