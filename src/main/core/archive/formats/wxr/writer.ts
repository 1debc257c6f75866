import { createWriteStream, renameSync, rmSync } from 'node:fs'
import { basename } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Db } from '../../../db/connection'
import type { ExportSummary } from '../../../../../shared/contract/archive'
import { JournalFailure } from '../../../context'
import { REVIEW_TAGS, tagsByOwner } from '../../../tags/tags'
import { withReadSnapshot } from '../../files/atomicFile'
import type { ExportContext, FormatExporter } from '../types'
import { CHANNEL_END, channelHead, reviewItem, wxrAuthor, type ItemNumbers } from './wxrItems'
import { readSettings } from '../../../settings/settings'
import { reviewIdsForWxr, siteOfJournal, wxrReader } from './wxrRows'
import { tagSlugs } from './slugs'

/** Writes every review (not those in the trash) with its responses as WXR 1.2. */
export const wordpressExporter: FormatExporter = {
  name: 'wxr',
  extension: '.xml',
  label: 'WordPress export (WXR)',
  run: exportWordPress
}

async function exportWordPress(db: Db, outPath: string, ctx: ExportContext): Promise<ExportSummary> {
  return withReadSnapshot(db, async () => {
    const ids = reviewIdsForWxr(db)
    const tags = tagsByOwner(db, REVIEW_TAGS)
    const site = siteOfJournal(db)
    const url = site.url ?? 'https://journal.invalid'
    const slugs = tagSlugs([...tags.values()].flat())
    const slugOf = new Map([...slugs].map(([key, tag]) => [key, tag.slug]))
    const rows = wxrReader(db)
    const numbers: ItemNumbers = { postId: 0, nextCommentId: 1 }
    const author = wxrAuthor(readSettings(db).criticName)
    let responses = 0
    const chunks = function* () {
      yield channelHead({
        title: site.title ?? 'Review Journal',
        url,
        tags: [...slugs.values()],
        generator: `Review Journal ${ctx.appVersion}`,
        author
      })
      for (const [i, id] of ids.entries()) {
        if (ctx.signal.aborted) throw cancelled()
        const review = rows.review(id)
        if (!review) continue
        const thread = rows.responses(id)
        responses += thread.length
        numbers.postId++
        yield reviewItem(review, tags.get(id) ?? [], slugOf, thread, url, numbers, author)
        if ((i + 1) % 100 === 0) ctx.progress(i + 1, ids.length)
      }
      yield CHANNEL_END
    }
    const bytes = await writeFileAtomically(outPath, chunks())
    ctx.progress(ids.length, ids.length)
    return { format: 'wxr', name: basename(outPath), counts: { review: numbers.postId, response: responses }, files: 1, bytes }
  })
}

function cancelled(): JournalFailure {
  return new JournalFailure('CANCELLED', 'The export was cancelled; no file was written.')
}

/** Streams text to `outPath` through a temporary file, so a failed export leaves nothing half written. */
async function writeFileAtomically(outPath: string, chunks: Iterable<string>): Promise<number> {
  const partial = `${outPath}.partial`
  let bytes = 0
  const counted = (function* () {
    for (const chunk of chunks) {
      const buffer = Buffer.from(chunk, 'utf8')
      bytes += buffer.length
      yield buffer
    }
  })()
  try {
    await pipeline(Readable.from(counted), createWriteStream(partial))
    renameSync(partial, outPath)
    return bytes
  } catch (err) {
    rmSync(partial, { force: true })
    throw err
  }
}
