import { basename } from 'node:path'
import { Readable } from 'node:stream'
import type { Db } from '../../../db/connection'
import type { ExportContext, FormatExporter } from '../types'
import type { ExportSummary } from '../../../../../shared/contract/archive'
import { readJournal, type JournalRecords } from '../../export/journalRecords'
import { oneByOne, reviewFileName } from '../../export/readable'
import { writeFolderAtomically, writeZipAtomically } from '../../files/atomicFile'
import { reviewToMarkdown } from './document'
import { readSettings } from '../../../settings/settings'

/**
 * One Markdown file per review, with front matter and responses: into a zip when the target
 * ends in `.zip` (downloads, save dialogs), else into a new folder.
 */
export const markdownExporter: FormatExporter = {
  name: 'markdown',
  extension: '.zip',
  label: 'Markdown files',
  run: exportMarkdown
}

/** Each live review's file name, and its text made when asked for (in the same order). */
function reviewFiles(db: Db, journal: JournalRecords): { name: string; text(): string }[] {
  const author = readSettings(db).criticName
  const entries = journal.liveReviews()
  const reviews = oneByOne(journal.reviewsWithThreads('readable', entries))
  return entries.map((entry) => ({
    name: reviewFileName(entry),
    text: () => {
      const next = reviews.next()
      return next.done ? '' : reviewToMarkdown(next.value, author)
    }
  }))
}

async function exportMarkdown(db: Db, outPath: string, ctx: ExportContext): Promise<ExportSummary> {
  return readJournal(db, async (journal) => {
    const files = reviewFiles(db, journal)
    let done = 0
    const tick = () => ctx.progress(++done, files.length)
    const bytes = outPath.toLowerCase().endsWith('.zip')
      ? await writeZipAtomically(
          outPath,
          (zip) => {
            for (const file of files) {
              zip.addReadStream(
                Readable.from(
                  (function* () {
                    yield Buffer.from(file.text())
                    tick()
                  })()
                ),
                file.name,
                { compressionLevel: 1 }
              )
            }
          },
          ctx.signal
        )
      : await writeFolderAtomically(
          outPath,
          (function* () {
            for (const file of files) {
              yield { name: file.name, data: Buffer.from(file.text()) }
              tick()
            }
          })(),
          ctx.signal
        )
    return {
      format: 'markdown',
      name: basename(outPath),
      counts: { review: files.length },
      files: files.length,
      bytes
    }
  })
}
