import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { Readable } from 'node:stream'
import type { Db } from '../../../db/connection'
import type { ExportContext, FormatExporter } from '../types'
import type { ExportSummary } from '../../../../../shared/contract/archive'
import { JournalFailure } from '../../../context'
import { REVIEW_TAGS, tagsByOwner } from '../../../tags/tags'
import { exportableReviewIds, fileSlug, loadExportReview } from '../../export/journalRecords'
import { withReadSnapshot, writeZipAtomically } from '../../files/atomicFile'
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

function reviewFiles(db: Db) {
  const tags = tagsByOwner(db, REVIEW_TAGS)
  const author = readSettings(db).criticName
  return exportableReviewIds(db).map(({ id, title, createdAt }) => ({
    name: `${createdAt.slice(0, 10)}-${fileSlug(title)}-${id.slice(-8)}.md`,
    text: () => {
      const review = loadExportReview(db, id, tags)
      return review ? reviewToMarkdown(review, author) : ''
    }
  }))
}

async function exportMarkdown(db: Db, outPath: string, ctx: ExportContext): Promise<ExportSummary> {
  return withReadSnapshot(db, async () => {
    const files = reviewFiles(db)
    let done = 0
    let bytes = 0
    const tick = () => ctx.progress(++done, files.length)
    if (outPath.toLowerCase().endsWith('.zip')) {
      bytes = await writeZipAtomically(
        outPath,
        (zip) => {
          for (const file of files) {
            zip.addReadStream(Readable.from((function* () { yield Buffer.from(file.text()); tick() })()), file.name, { compressionLevel: 1 })
          }
        },
        ctx.signal
      )
    } else {
      if (existsSync(outPath) && readdirSync(outPath).length > 0) {
        throw new JournalFailure('EXPORT_FAILED', `${basename(outPath)} already exists and is not empty; choose a new folder name.`)
      }
      const partial = `${outPath}.partial`
      rmSync(partial, { recursive: true, force: true })
      mkdirSync(partial, { recursive: true })
      try {
        for (const file of files) {
          if (ctx.signal.aborted) throw new JournalFailure('CANCELLED', 'The export was cancelled; no files were written.')
          const text = Buffer.from(file.text())
          writeFileSync(`${partial}/${file.name}`, text)
          bytes += text.length
          tick()
          if (done % 200 === 0) await new Promise((r) => setImmediate(r))
        }
        rmSync(outPath, { recursive: true, force: true })
        renameSync(partial, outPath)
      } catch (err) {
        rmSync(partial, { recursive: true, force: true })
        throw err
      }
    }
    return { format: 'markdown', name: basename(outPath), counts: { review: files.length }, files: files.length, bytes }
  })
}
