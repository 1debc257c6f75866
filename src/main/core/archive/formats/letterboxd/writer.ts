import { basename } from 'node:path'
import type { Db } from '../../../db/connection'
import type { ExportSummary } from '../../../../../shared/contract/archive'
import { JournalFailure } from '../../../context'
import { normaliseTags } from '../../../tags/tags'
import { readJournal, type JournalRecords } from '../../export/journalRecords'
import { writeFolderAtomically, writeZipAtomically } from '../../files/atomicFile'
import type { ExportContext, FormatExporter } from '../types'
import { csvLine, IMPORT_COLUMNS, splitCsv, type ImportColumn } from './csvWriter'
import { diaryRows, type DiaryRow } from './diaryRows'
import { reviewToLetterboxdHtml } from './reviewText'

/** The diary (with reviews, tags and rewatches) in Letterboxd's import format, in files under 1 MB. */
export const letterboxdExporter: FormatExporter = {
  name: 'letterboxd',
  extension: '.zip',
  label: 'Letterboxd CSV',
  run: exportLetterboxd
}

/** Diary lines whose review texts are read together. */
const TEXT_BATCH = 100

/** Writes the diary as Letterboxd CSV: a zip when `outPath` ends in .zip, else a new folder. */
async function exportLetterboxd(db: Db, outPath: string, ctx: ExportContext): Promise<ExportSummary> {
  return readJournal(db, async (journal) => {
    const { rows, reviews: reviewInfo } = diaryRows(journal)
    const reviewed = new Set<string>()
    let reviews = 0
    let screenings = 0
    const lines = function* () {
      for (let start = 0; start < rows.length; start += TEXT_BATCH) {
        const chunk = rows.slice(start, start + TEXT_BATCH)
        // A review read after several screenings goes with the first of them only.
        const firsts = chunk.map((row) => {
          const first = row.reviewId && !reviewed.has(row.reviewId) ? row.reviewId : null
          if (first) reviewed.add(first)
          return first
        })
        const texts = reviewTexts(journal, firsts)
        for (const [j, row] of chunk.entries()) {
          if (ctx.signal.aborted)
            throw new JournalFailure('CANCELLED', 'The export was cancelled; no files were written.')
          const reviewId = firsts[j]
          const text = reviewId ? (texts.get(reviewId) ?? '') : ''
          if (text) reviews++
          if (row.screeningId) screenings++
          const tags = normaliseTags([
            ...row.tags,
            ...(reviewId ? (reviewInfo.get(reviewId)?.tags ?? []) : [])
          ])
          const i = start + j
          if ((i + 1) % 500 === 0) ctx.progress(i + 1, rows.length)
          const cells = diaryCells(row, tags, text)
          yield {
            line: csvLine(IMPORT_COLUMNS.map((c) => cells[c])),
            label: `${row.work.title}${row.work.year ? ` (${row.work.year})` : ''}`
          }
        }
      }
    }
    const { files, tooLarge } = splitCsv(csvLine(IMPORT_COLUMNS), lines())
    if (tooLarge) {
      throw new JournalFailure(
        'EXPORT_FAILED',
        `The review of ${tooLarge} is larger than the 1 MB Letterboxd accepts in one file; shorten it or export it another way. Nothing was written.`
      )
    }
    const named = files.map((text, i) => ({
      name: files.length === 1 ? 'letterboxd-diary.csv' : `letterboxd-diary-${i + 1}.csv`,
      data: Buffer.from(text)
    }))
    const bytes = outPath.toLowerCase().endsWith('.zip')
      ? await writeZipAtomically(
          outPath,
          (zip) => named.forEach((f) => zip.addBuffer(f.data, f.name)),
          ctx.signal
        )
      : await writeFolderAtomically(outPath, named, ctx.signal)
    ctx.progress(rows.length, rows.length)
    return {
      format: 'letterboxd',
      name: basename(outPath),
      counts: { screening: screenings, review: reviews },
      files: named.length,
      bytes
    }
  })
}

/** The Review column's text of each review named, read together. */
function reviewTexts(journal: JournalRecords, ids: (string | null)[]): Map<string, string> {
  const wanted = ids.filter((id): id is string => id !== null)
  const texts = new Map<string, string>()
  if (!wanted.length) return texts
  // Their tags are already known (diaryRows): only the text is read here.
  for (const [id, review] of journal.reviewsById(wanted, { tags: false }))
    texts.set(id, reviewToLetterboxdHtml(review.body))
  return texts
}

function diaryCells(row: DiaryRow, tags: string[], review: string): Record<ImportColumn, string> {
  return {
    Title: row.work.title,
    Year: row.work.year === null ? '' : String(row.work.year),
    Rating: row.rating === null ? '' : String(row.rating),
    WatchedDate: row.watchedOn ?? '',
    Rewatch: row.rewatch ? 'true' : 'false',
    Tags: tags.join(', '),
    Review: review,
    LetterboxdURI: row.work.letterboxdUri ?? '',
    tmdbID: row.work.tmdbId ?? '',
    imdbID: row.work.imdbId ?? '',
    Directors: row.work.directors.join(', ')
  }
}
