import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Db } from '../../../db/connection'
import type { LexicalDoc } from '../../../../../shared/domain'
import type { ExportSummary } from '../../../../../shared/contract/archive'
import { JournalFailure } from '../../../context'
import { REVIEW_TAGS, SCREENING_TAGS, normaliseTags, tagsByOwner } from '../../../tags/tags'
import { withReadSnapshot, writeZipAtomically } from '../../files/atomicFile'
import type { ExportContext, FormatExporter } from '../types'
import { csvLine, IMPORT_COLUMNS, splitCsv, type ImportColumn } from './csvWriter'
import { reviewToLetterboxdHtml } from './reviewText'

interface DiaryRow {
  screening_id: string | null
  review_id: string | null
  watched_on: string | null
  rewatch: number
  rating: number | null
  title: string
  year: number | null
  letterboxd_uri: string | null
  tmdb_id: string | null
  imdb_id: string | null
  directors: string
}

/**
 * Every screening (with the review written after it) and every review of a film that has no
 * screening, as rows of Letterboxd's import format. Reviews without a film cannot be placed on
 * Letterboxd and are left out (the summary counts what was written).
 */
function diaryRows(db: Db): DiaryRow[] {
  return db
    .prepare(
      `SELECT * FROM (SELECT s.id AS screening_id, r.id AS review_id, s.watched_on, s.rewatch, coalesce(s.rating, r.rating) AS rating,
         w.title, w.year, w.letterboxd_uri, w.tmdb_id, w.imdb_id, w.directors
       FROM screenings s JOIN works w ON w.id = s.work_id
       LEFT JOIN reviews r ON r.id = s.review_id AND r.deleted_at IS NULL
       WHERE s.deleted_at IS NULL
       UNION ALL
       SELECT NULL, r.id, NULL, 0, r.rating, w.title, w.year, w.letterboxd_uri, w.tmdb_id, w.imdb_id, w.directors
       FROM reviews r JOIN works w ON w.id = r.work_id
       WHERE r.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM screenings s WHERE s.review_id = r.id AND s.deleted_at IS NULL)
      ) ORDER BY watched_on IS NULL, watched_on, title`
    )
    .all() as DiaryRow[]
}

/** The diary (with reviews, tags and rewatches) in Letterboxd's import format, in files under 1 MB. */
export const letterboxdExporter: FormatExporter = {
  name: 'letterboxd',
  extension: '.zip',
  label: 'Letterboxd CSV',
  run: exportLetterboxd
}

/** Writes the diary as Letterboxd CSV: a zip when `outPath` ends in .zip, else a new folder. */
async function exportLetterboxd(db: Db, outPath: string, ctx: ExportContext): Promise<ExportSummary> {
  return withReadSnapshot(db, async () => {
    const rows = diaryRows(db)
    const screeningTags = tagsByOwner(db, SCREENING_TAGS)
    const reviewTags = tagsByOwner(db, REVIEW_TAGS)
    const body = db.prepare('SELECT body FROM reviews WHERE id = ?').pluck()
    const reviewed = new Set<string>()
    let reviews = 0
    let screenings = 0
    const lines = function* () {
      for (const [i, row] of rows.entries()) {
        if (ctx.signal.aborted) throw new JournalFailure('CANCELLED', 'The export was cancelled; no files were written.')
        // A review read after several screenings goes with the first of them only.
        const reviewId = row.review_id && !reviewed.has(row.review_id) ? row.review_id : null
        if (reviewId) reviewed.add(reviewId)
        const text = reviewId ? reviewToLetterboxdHtml(JSON.parse(body.get(reviewId) as string) as LexicalDoc) : ''
        if (text) reviews++
        if (row.screening_id) screenings++
        const cells: Record<ImportColumn, string> = {
          Title: row.title,
          Year: row.year === null ? '' : String(row.year),
          Rating: row.rating === null ? '' : String(row.rating),
          WatchedDate: row.watched_on ?? '',
          Rewatch: row.rewatch ? 'true' : 'false',
          Tags: normaliseTags([...(row.screening_id ? (screeningTags.get(row.screening_id) ?? []) : []), ...(reviewId ? (reviewTags.get(reviewId) ?? []) : [])]).join(', '),
          Review: text,
          LetterboxdURI: row.letterboxd_uri ?? '',
          tmdbID: row.tmdb_id ?? '',
          imdbID: row.imdb_id ?? '',
          Directors: (JSON.parse(row.directors) as string[]).join(', ')
        }
        if ((i + 1) % 500 === 0) ctx.progress(i + 1, rows.length)
        yield { line: csvLine(IMPORT_COLUMNS.map((c) => cells[c])), label: `${row.title}${row.year ? ` (${row.year})` : ''}` }
      }
    }
    const { files, tooLarge } = splitCsv(csvLine(IMPORT_COLUMNS), lines())
    if (tooLarge) {
      throw new JournalFailure('EXPORT_FAILED', `The review of ${tooLarge} is larger than the 1 MB Letterboxd accepts in one file; shorten it or export it another way. Nothing was written.`)
    }
    const named = files.map((text, i) => ({ name: files.length === 1 ? 'letterboxd-diary.csv' : `letterboxd-diary-${i + 1}.csv`, data: Buffer.from(text) }))
    const bytes = await writeFiles(outPath, named, ctx.signal)
    ctx.progress(rows.length, rows.length)
    return { format: 'letterboxd', name: basename(outPath), counts: { screening: screenings, review: reviews }, files: named.length, bytes }
  })
}

async function writeFiles(outPath: string, files: { name: string; data: Buffer }[], signal: AbortSignal): Promise<number> {
  if (outPath.toLowerCase().endsWith('.zip')) {
    return writeZipAtomically(outPath, (zip) => files.forEach((f) => zip.addBuffer(f.data, f.name)), signal)
  }
  if (existsSync(outPath) && readdirSync(outPath).length > 0) {
    throw new JournalFailure('EXPORT_FAILED', `${basename(outPath)} already exists and is not empty; choose a new folder name.`)
  }
  const partial = `${outPath}.partial`
  rmSync(partial, { recursive: true, force: true })
  mkdirSync(partial, { recursive: true })
  try {
    for (const file of files) writeFileSync(join(partial, file.name), file.data)
    rmSync(outPath, { recursive: true, force: true })
    renameSync(partial, outPath)
  } catch (err) {
    rmSync(partial, { recursive: true, force: true })
    throw err
  }
  return files.reduce((sum, f) => sum + f.data.length, 0)
}
