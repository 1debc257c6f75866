import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ZipFile } from 'yazl'
import { tmpdir } from 'node:os'
import { test, expect, type Journal } from './support/fixtures'
import { grantFile } from '../../src/main/core'

const LETTERBOXD = 'tests/fixtures/letterboxd/export'

/** A Letterboxd export zip of a few films, a few kilobytes, as the site hands it over. */
function smallLetterboxdZip(): Promise<Buffer> {
  const zip = new ZipFile()
  for (const name of ['diary.csv', 'ratings.csv', 'reviews.csv', 'watched.csv', 'profile.csv'])
    zip.addBuffer(readFileSync(join(LETTERBOXD, name)), name)
  zip.end()
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    zip.outputStream.on('data', (part: Buffer) => parts.push(part))
    zip.outputStream.on('end', () => resolve(Buffer.concat(parts)))
    zip.outputStream.on('error', reject)
  })
}

/**
 * Run from its TypeScript source (as here), the core loads the archive formats the first time an
 * import or export asks for them — a second or more of compiling, once per process; the app and
 * the browser host load them from their bundles. One throwaway preview pays that before timing.
 */
async function loadArchiveFormats(journal: Journal): Promise<void> {
  const note = join(mkdtempSync(join(tmpdir(), 'rj-warm-')), 'note.md')
  writeFileSync(note, '---\ntitle: "Warm"\n---\n\nText.\n')
  const result = await journal.core.dispatch('archive.preview', {
    fileId: grantFile(note, 'read').fileId,
    format: 'auto'
  })
  if (!result.ok) throw new Error(result.error.message)
}

test('the preview of a small Letterboxd zip shows at once, not after seconds on “Starting…”', async ({
  page,
  journal
}) => {
  await journal.core.dispatch('reviews.create', { title: 'Already here' })
  const zip = await smallLetterboxdZip()
  expect(zip.length).toBeLessThan(16 * 1024)
  await loadArchiveFormats(journal)
  await journal.open(page)
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
  await page.keyboard.press('Control+6')
  await expect(page.getByRole('heading', { name: 'Import and export' })).toBeVisible()
  const started = Date.now()
  await page
    .getByLabel('Choose a file…')
    .setInputFiles({ name: 'letterboxd.zip', mimeType: 'application/zip', buffer: zip })
  await expect(page.getByRole('table', { name: /Preview of importing letterboxd\.zip/ })).toBeVisible({
    timeout: 30_000
  })
  // 2–3 s before; a generous bound for a busy machine, still far below a thread's start-up from source.
  expect(Date.now() - started).toBeLessThan(1_200)
})

test('exporting a small journal as Markdown takes a moment, not seconds', async ({ page, journal }) => {
  await journal.core.dispatch('sample.load', {})
  await loadArchiveFormats(journal)
  await journal.open(page)
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
  await page.keyboard.press('Control+6')
  await expect(page.getByRole('heading', { name: 'Import and export' })).toBeVisible()
  await page.getByRole('radio', { name: /Markdown/ }).check()
  const downloading = page.waitForEvent('download', { timeout: 30_000 })
  const started = Date.now()
  await page.getByRole('button', { name: 'Export…' }).click()
  await downloading
  // 3.3–3.9 s before (a worker thread compiling its modules first); a generous bound here.
  expect(Date.now() - started).toBeLessThan(1_500)
})
