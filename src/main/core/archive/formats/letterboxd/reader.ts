import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { FormatReader, ReaderContext } from '../types'
import { ImportFault } from '../types'
import type { ImportRecord } from '../../records'
import { decodeTextStream, detectEncoding } from '../../import/textDecoding'
import { isZipFile, openSafeZip } from '../../files/safeZip'
import { addParagraphs } from '../wxr/htmlText'
import { htmlToReviewDoc } from '../../../conversions/dom'
import { checkHeaders, EXPORT_FILES, kindOfCsv, type LetterboxdKind } from './csvKinds'
import { readCsv } from './csvReader'
import { letterboxdRecords, type PlacedRow } from './filmRecords'
import { RowError, toFilmRow } from './filmRows'

/** A file of the export: its kind, its name for messages, and how to stream its bytes. */
interface Source {
  kind: LetterboxdKind | null
  label: string
  open(): Promise<AsyncIterable<Buffer>>
}

/** Most bytes one CSV row may hold (a long review); far beyond any real one. */
const MAX_ROW_CHARS = 4 * 1024 * 1024
const DIARY_FILES = ['diary.csv', 'reviews.csv', 'ratings.csv', 'watched.csv', 'watchlist.csv']

/** Reads a Letterboxd export: the zip Letterboxd sends, the folder it unpacks to, or one CSV. */
export const letterboxdReader: FormatReader = {
  name: 'letterboxd',
  extensions: ['zip', 'csv'],
  sniff(path, head, isDirectory, zipEntries) {
    if (isDirectory)
      return (
        DIARY_FILES.some((f) => existsSync(join(path, f))) || ourExportFiles(readdirSync(path)).length > 0
      )
    if (zipEntries) return exportFolder(zipEntries) !== null || ourExportFiles(zipEntries).length > 0
    const firstLine = new TextDecoder(detectEncoding(head)).decode(head).split(/\r?\n/)[0]
    return (
      /^Date,Name,Year\b/.test(firstLine) ||
      /\bLetterboxd ?URI\b/.test(firstLine) ||
      /^Title,Year,.*WatchedDate/.test(firstLine)
    )
  },
  read: readLetterboxdExport
}

/** The files of our own Letterboxd export ("letterboxd-diary.csv", "letterboxd-diary-2.csv" …). */
function ourExportFiles(names: string[]): string[] {
  return names
    .filter((n) => /^letterboxd-diary(-\d+)?\.csv$/i.test(n))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
}

/** The folder inside a zip that holds the export's files ("" for the top), or null if none. */
function exportFolder(entries: string[]): string | null {
  let best: string | null = null
  for (const entry of entries) {
    const file = DIARY_FILES.find((f) => entry === f || entry.endsWith(`/${f}`))
    if (!file) continue
    const folder = entry.slice(0, entry.length - file.length)
    // deleted/ and orphaned/ hold entries the critic removed: never the export itself.
    if (/(^|\/)(deleted|orphaned)\/$/.test(folder)) continue
    if (best === null || folder.length < best.length) best = folder
  }
  return best
}

async function* readLetterboxdExport(path: string, ctx: ReaderContext): AsyncGenerator<ImportRecord> {
  const label = basename(path)
  if (statSync(path).isDirectory()) {
    yield* readSources(folderSources(path), ctx)
    return
  }
  if (isZipFile(path)) {
    const zip = await openSafeZip(path, ctx.limits)
    try {
      const names = zip.entries.map((e) => e.name)
      const folder = exportFolder(names)
      if (folder === null && ourExportFiles(names).length > 0) {
        const sources = ourExportFiles(names).map(
          (file): Source => ({
            kind: 'import',
            label: `${label}: ${file}`,
            open: () => zip.open(file) as Promise<AsyncIterable<Buffer>>
          })
        )
        yield* readSources(sources, ctx)
        return
      }
      if (folder === null)
        throw new ImportFault(
          `${label} is not a Letterboxd export: it has none of ${DIARY_FILES.join(', ')}. Nothing was imported.`
        )
      const sources = Object.entries(EXPORT_FILES)
        .filter(([file]) => zip.entries.some((e) => e.name === folder + file))
        .map(
          ([file, kind]): Source => ({
            kind,
            label: `${label}: ${file}`,
            open: () => zip.open(folder + file) as Promise<AsyncIterable<Buffer>>
          })
        )
      yield* readSources(sources, ctx)
    } finally {
      zip.close()
    }
    return
  }
  yield* readSources([{ kind: null, label, open: () => Promise.resolve(createReadStream(path)) }], ctx)
}

function folderSources(dir: string): Source[] {
  const ours = ourExportFiles(readdirSync(dir))
  if (ours.length && !DIARY_FILES.some((f) => existsSync(join(dir, f)))) {
    return ours.map((file) => ({
      kind: 'import',
      label: file,
      open: () => Promise.resolve(createReadStream(join(dir, file)))
    }))
  }
  return Object.entries(EXPORT_FILES)
    .filter(([file]) => existsSync(join(dir, file)))
    .map(([file, kind]) => ({
      kind,
      label: file,
      open: () => Promise.resolve(createReadStream(join(dir, file)))
    }))
}

/** Reads every file to rows (small: a diary of 10,000 rows is a few MB), then yields records. */
async function* readSources(sources: Source[], ctx: ReaderContext): AsyncGenerator<ImportRecord> {
  const rows: PlacedRow[] = []
  for (const [i, source] of sources.entries()) {
    const fileName = source.label.split(': ').pop()!
    let kind = source.kind
    const chunks = decodeTextStream(await source.open(), source.label)
    for await (const csvRow of readCsv(chunks, source.label, MAX_ROW_CHARS, (headers) => {
      kind ??= kindOfCsv(basename(fileName), headers)
      if (!kind) throw notLetterboxd(source.label, headers)
      checkHeaders(source.label, kind, headers)
    })) {
      if (ctx.signal.aborted) return
      const what = `${fileName} line ${csvRow.line}`
      if (csvRow.cells === null) {
        yield { kind: 'problem', position: csvRow.row, what, message: `row ${csvRow.row} ${csvRow.message}` }
        continue
      }
      try {
        rows.push({ row: toFilmRow(kind!, csvRow.cells), position: csvRow.row, what })
      } catch (err) {
        if (!(err instanceof RowError)) throw err
        yield { kind: 'problem', position: csvRow.row, what, message: `row ${csvRow.row}: ${err.message}` }
      }
    }
    ctx.progress(i + 1, sources.length)
  }
  yield* letterboxdRecords(rows, (html) => htmlToReviewDoc(addParagraphs(html)))
}

function notLetterboxd(label: string, headers: string[]): ImportFault {
  const shown = headers
    .slice(0, 8)
    .map((h) => `"${h}"`)
    .join(', ')
  return new ImportFault(
    `${label} is not a Letterboxd CSV: its columns are ${shown || 'empty'}; a Letterboxd file has "Name", "Year" and "Letterboxd URI" (or, in the import format, "Title"). Nothing was imported.`
  )
}
