import { Readable } from 'node:stream'
import type { JournalRecords } from '../../export/journalRecords'
import { oneByOne, reviewFileName } from '../../export/readable'
import { reviewToMarkdown } from '../markdown/document'

/**
 * The readable Markdown copy of each live review inside an archive (`reviews/<date>-<slug>-<id>.md`).
 * Names are listed first; each file's text is made only when the zip writer reaches it, from
 * one stream of the reviews read in batches (the zip writer takes its entries in order).
 */
export function markdownCopies(
  journal: JournalRecords,
  tick: () => void
): { name: string; stream: Readable }[] {
  const entries = journal.liveReviews()
  const reviews = oneByOne(journal.reviewsWithThreads('readable', entries))
  return entries.map((entry) => ({
    name: `reviews/${reviewFileName(entry)}`,
    stream: Readable.from(
      (function* () {
        const review = reviews.next()
        tick()
        if (!review.done) yield Buffer.from(reviewToMarkdown(review.value))
      })()
    )
  }))
}
