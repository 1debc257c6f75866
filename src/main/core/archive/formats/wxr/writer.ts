import { basename } from 'node:path'
import type { Db } from '../../../db/connection'
import type { ExportSummary } from '../../../../../shared/contract/archive'
import { readJournal, type JournalRecords } from '../../export/journalRecords'
import { writeFileAtomically } from '../../files/atomicFile'
import type { ExportContext, FormatExporter } from '../types'
import { CHANNEL_END, channelHead, reviewItem, wxrAuthor, type ItemNumbers } from './wxrItems'
import { readSettings } from '../../../settings/settings'
import { tagSlugs } from './slugs'

/** Writes every review (not those in the trash) with its responses as WXR 1.2. */
export const wordpressExporter: FormatExporter = {
  name: 'wxr',
  extension: '.xml',
  label: 'WordPress export (WXR)',
  run: exportWordPress
}

async function exportWordPress(db: Db, outPath: string, ctx: ExportContext): Promise<ExportSummary> {
  return readJournal(db, async (journal) => {
    const entries = journal.liveReviews()
    const site = siteOfJournal(journal)
    const url = site.url ?? 'https://journal.invalid'
    // The channel lists every tag before the first post: the tag names come first, on their own.
    const slugs = tagSlugs(journal.reviewTagNames())
    const slugOf = new Map([...slugs].map(([key, tag]) => [key, tag.slug]))
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
      for (const batch of journal.reviewsWithThreads('all', entries)) {
        for (const review of batch) {
          responses += review.responses.length
          numbers.postId++
          yield reviewItem(review, slugOf, url, numbers, author)
          if (numbers.postId % 100 === 0) ctx.progress(numbers.postId, entries.length)
        }
      }
      yield CHANNEL_END
    }
    const bytes = await writeFileAtomically(outPath, chunks(), ctx.signal)
    ctx.progress(entries.length, entries.length)
    return {
      format: 'wxr',
      name: basename(outPath),
      counts: { review: numbers.postId, response: responses },
      files: 1,
      bytes
    }
  })
}

/** What the channel header says: the outlet most reviews name, and their site's address. */
function siteOfJournal(journal: JournalRecords): { title: string | null; url: string | null } {
  const { commonest, publishedUrls } = journal.outlets(1000)
  const origins = new Map<string, number>()
  for (const url of publishedUrls) {
    try {
      const origin = new URL(url).origin
      origins.set(origin, (origins.get(origin) ?? 0) + 1)
    } catch {
      // Not an address; says nothing about the site.
    }
  }
  const url = [...origins.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
  return { title: commonest?.trim() ?? null, url }
}
