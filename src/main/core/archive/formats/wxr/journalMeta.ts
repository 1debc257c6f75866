import { timestampSchema } from '../../../../../shared/domain'
import type { ReviewRecord } from '../../records'
import { decodeOnce } from './htmlText'
import { META } from './meta'

/** The review fields only this app's own WXR files carry (see `META`). */
type JournalFields = Pick<
  ReviewRecord,
  'createdAt' | 'publishedAt' | 'publishedUrl' | 'outlet' | 'hasSpoilers'
>

/**
 * The fields WordPress has no place for (outlet, spoilers, a published address that is not the
 * post's link) or keeps only to the second (the creation time), as this app wrote them into its
 * own export's postmeta; a key absent (a file from WordPress) leaves the field as read from the post.
 */
export function journalFields(meta: Record<string, string>): Partial<JournalFields> {
  const out: Partial<JournalFields> = {}
  const created = meta[META.createdAt]?.trim()
  if (created && timestampSchema.safeParse(created).success) out.createdAt = created
  const published = meta[META.publishedAt]
  if (published !== undefined)
    out.publishedAt = timestampSchema.safeParse(published.trim()).success ? published.trim() : null
  const url = meta[META.publishedUrl]
  if (url !== undefined) out.publishedUrl = url.trim() || null
  const outlet = meta[META.outlet]
  if (outlet !== undefined) out.outlet = decodeOnce(outlet).trim() || null
  const spoilers = meta[META.hasSpoilers]
  if (spoilers !== undefined) out.hasSpoilers = spoilers.trim() === '1'
  return out
}
