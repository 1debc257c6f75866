import { Readable } from 'node:stream'
import type { Db } from '../../../db/connection'
import { exportableReviewIds, fileSlug, loadExportReview } from '../../export/journalRecords'
import { reviewToMarkdown } from '../markdown/document'
import type { RowSource } from './archiveLines'

/**
 * The readable Markdown copy of each review inside an archive (`reviews/<date>-<slug>-<id>.md`).
 * Names are listed first; each file's text is made only when the zip writer reaches it.
 */
export function markdownCopies(db: Db, source: RowSource): { name: string; stream: Readable }[] {
  return exportableReviewIds(db).map(({ id, title, createdAt }) => ({
    name: `reviews/${createdAt.slice(0, 10)}-${fileSlug(title)}-${id.slice(-8)}.md`,
    stream: Readable.from(
      (function* () {
        const review = loadExportReview(db, id, source.reviewTags)
        source.tick()
        if (review) yield Buffer.from(reviewToMarkdown(review))
      })()
    )
  }))
}
