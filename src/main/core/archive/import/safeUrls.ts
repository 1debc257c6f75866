import { publishedUrlSchema } from '../../../../shared/contract/reviews'
import { authorUrlSchema } from '../../../../shared/contract/responses'
import type { ImportRecord } from '../records'

/**
 * A file can carry any text where an address belongs (`javascript:`, `data:`), and the app
 * makes these addresses clickable. Imports hold them to the rules `reviews.save` and
 * `responses.add` apply: an address that breaks them is dropped, the row still comes in, and
 * the report says what was left out.
 */
export function withSafeUrls<R extends ImportRecord>(record: R): { record: R; problems: string[] } {
  if (record.kind === 'review' && record.publishedUrl) {
    if (publishedUrlSchema.safeParse(record.publishedUrl).success) return { record, problems: [] }
    return {
      record: { ...record, publishedUrl: null },
      problems: [refused('published address', record.publishedUrl)]
    }
  }
  if (record.kind === 'response' && record.authorUrl) {
    const parsed = authorUrlSchema.safeParse(record.authorUrl)
    if (parsed.success) return { record: { ...record, authorUrl: parsed.data ?? null }, problems: [] }
    return { record: { ...record, authorUrl: null }, problems: [refused("author's link", record.authorUrl)] }
  }
  return { record, problems: [] }
}

function refused(what: string, url: string): string {
  const shown = url.length > 80 ? `${url.slice(0, 80)}…` : url
  return `the ${what} "${shown}" is not a web address (http or https); imported without it`
}
