import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { readJournal } from './journalPage'
import type { ShellApp } from './harness/app'

const FORMATS = [
  { format: 'archive', file: 'journal.rjarchive', importable: true },
  { format: 'markdown', file: 'journal-markdown.zip', importable: true },
  { format: 'wxr', file: 'journal.xml', importable: true },
  { format: 'letterboxd', file: 'journal-letterboxd.zip', importable: true },
  { format: 'html', file: 'journal.html', importable: false }
] as const

async function openSample(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open the sample journal' }).click()
  await expect(page.getByRole('navigation', { name: 'Journal' })).toBeVisible()
}

/** File ▸ Export…, a format, the Export button, and the save dialog answered with `path`. */
async function exportThroughMenu(app: ShellApp, page: Page, format: string, path: string): Promise<void> {
  await app.clickMenu('File', 'Export…')
  await expect(page.getByRole('heading', { name: 'Import and export' })).toBeVisible()
  await page.locator(`input[name="export-format"][value="${format}"]`).check()
  app.dialogs.willSave(path)
  await page.getByRole('button', { name: 'Export…' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^Exported / })).toContainText(
    `to ${path.split('/').pop()}`,
    { timeout: 30_000 }
  )
}

/** File ▸ Import…, the open dialog answered with `path`, the preview, then the import. */
async function importThroughMenu(app: ShellApp, page: Page, path: string): Promise<void> {
  const name = path.split('/').pop()!
  app.dialogs.willOpen(path)
  await app.clickMenu('File', 'Import…')
  await expect(
    page.getByRole('table', { name: new RegExp(`Preview of importing ${name.replace('.', '\\.')}`) })
  ).toBeVisible({ timeout: 30_000 })
  await page.getByRole('button', { name: `Import ${name}` }).click()
  await expect(
    page.getByRole('table', { name: new RegExp(`Imported ${name.replace('.', '\\.')}`) })
  ).toBeVisible({ timeout: 30_000 })
}

function ourTemporaryFolders(tempDir: string): string[] {
  return readdirSync(tempDir).filter((name) => name.startsWith('review-journal-'))
}

test('File ▸ Export writes every format to the file the save dialog chose, and leaves no copy behind', async ({
  desktop
}) => {
  const out = desktop.folder('exports')
  const app = await desktop.launch()
  const page = await app.firstWindow()
  await openSample(page)
  for (const { format, file } of FORMATS) {
    await exportThroughMenu(app, page, format, join(out, file))
    expect(statSync(join(out, file)).size, `${format} export`).toBeGreaterThan(200)
  }
  const saves = app.dialogs.shown.filter((d) => d.kind === 'save')
  expect(saves).toHaveLength(FORMATS.length)
  // Modal to the journal's window, named after the format, with a dated default name.
  for (const dialog of saves) {
    expect(dialog.modal).toBe(true)
    expect(String(dialog.options.defaultPath)).toMatch(/^review-journal-.*\d{4}-\d{2}-\d{2}\./)
  }
  expect(ourTemporaryFolders(desktop.tempDir)).toEqual([])
})

test('a save dialog cancelled writes nothing and says nothing went wrong', async ({ desktop }) => {
  const app = await desktop.launch()
  const page = await app.firstWindow()
  await openSample(page)
  await app.clickMenu('File', 'Export…')
  app.dialogs.willCancel('save')
  await page.getByRole('button', { name: 'Export…' }).click()
  await expect.poll(() => app.dialogs.pending()).toEqual([])
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(page.getByRole('status').filter({ hasText: /^Exported / })).toHaveCount(0)
  expect(ourTemporaryFolders(desktop.tempDir)).toEqual([])
})

test('each export re-imports through File ▸ Import… into a new journal as the journal it came from', async ({
  desktop
}) => {
  test.setTimeout(300_000)
  const out = desktop.folder('exports')
  const app = await desktop.launch()
  const page = await app.firstWindow()
  await openSample(page)
  for (const { format, file } of FORMATS) await exportThroughMenu(app, page, format, join(out, file))
  const original = await readJournal(page)
  await desktop.quit(app)

  for (const { format, file, importable } of FORMATS.filter((f) => f.importable)) {
    const other = await desktop.launch({ dataDir: desktop.folder(`journal-from-${format}`) })
    const otherPage = await other.firstWindow()
    await otherPage.getByRole('button', { name: 'Start writing' }).waitFor()
    await importThroughMenu(other, otherPage, join(out, file))
    const copy = await readJournal(otherPage)
    expect(importable).toBe(true)
    if (format === 'archive') {
      expect(copy, 'the archive is lossless').toEqual(original)
    } else if (format === 'letterboxd') {
      // Letterboxd keeps films, ratings and the diary, not the text's formatting or the responses.
      expect(copy.reviews.map((r) => [r.workTitle, r.rating])).toEqual(
        expect.arrayContaining(original.reviews.filter((r) => r.text).map((r) => [r.workTitle, r.rating]))
      )
    } else {
      expect(
        copy.reviews.map((r) => r.title),
        format
      ).toEqual(original.reviews.map((r) => r.title))
      expect(
        copy.reviews.map((r) => r.text?.replace(/\s+/g, ' ').trim()),
        format
      ).toEqual(original.reviews.map((r) => r.text?.replace(/\s+/g, ' ').trim()))
    }
    await desktop.quit(other)
  }
  expect(ourTemporaryFolders(desktop.tempDir)).toEqual([])
})

test('File ▸ Import… shows what would change before anything is written, and a cancelled dialog does nothing', async ({
  desktop
}) => {
  const out = desktop.folder('exports')
  const source = await desktop.launch({ dataDir: desktop.folder('source') })
  const sourcePage = await source.firstWindow()
  await openSample(sourcePage)
  await exportThroughMenu(source, sourcePage, 'archive', join(out, 'sample.rjarchive'))
  await desktop.quit(source)

  const app = await desktop.launch()
  const page = await app.firstWindow()
  // The welcome is up and answering keys, as a person would see it before pressing one.
  await expect(page.getByRole('button', { name: 'Start writing' })).toBeFocused()
  app.dialogs.willCancel('open')
  await page.keyboard.press('Control+O')
  await expect(page.getByRole('heading', { name: 'Import and export' })).toBeVisible()
  await expect.poll(() => app.dialogs.pending()).toEqual([])

  app.dialogs.willOpen(join(out, 'sample.rjarchive'))
  await app.clickMenu('File', 'Import…')
  const preview = page.getByRole('table', { name: /Preview of importing sample\.rjarchive/ })
  await expect(preview).toBeVisible({ timeout: 30_000 })
  expect((await readJournal(page)).reviews).toEqual([])
  await page.getByRole('button', { name: 'Import sample.rjarchive' }).click()
  await expect(page.getByRole('table', { name: /Imported sample\.rjarchive/ })).toBeVisible({
    timeout: 30_000
  })
  expect((await readJournal(page)).reviews.length).toBeGreaterThan(0)
  const open = app.dialogs.shown.find((d) => d.kind === 'open')!
  expect(open.modal).toBe(true)
  expect(existsSync(join(out, 'sample.rjarchive'))).toBe(true)
})
