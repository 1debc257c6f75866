import { RESPONSE_STATUSES } from '../../../../../shared/domain'
import type { ImportRecord, RecordRef, ResponseRecord } from '../../records'
import type { WxrComment } from './wxrParser'
import { commentHtmlToText, decodeOnce } from './htmlText'
import { commentsInThreadOrder } from './thread'
import { META } from './meta'
import type { ItemContext } from './itemRecords'
import { oneOf, ourId } from './values'

/**
 * A post's comments as response records, parents before replies. Own replies are the comments
 * of the site's authors or the critic (see `OwnReplies`); every other comment is a reader's.
 * Comment dates given only in site time without a known zone are counted for the item's note.
 */
export function toResponses(
  comments: WxrComment[],
  ctx: ItemContext,
  reviewRef: RecordRef
): { records: ImportRecord[]; zonelessDates: number } {
  const records: ImportRecord[] = []
  const { kept, parentOf, skipped } = commentsInThreadOrder(comments, skipReason)
  for (const reason of skipped)
    records.push({ kind: 'skip', type: 'response', position: ctx.position, reason })
  const own = new Set(kept.filter((c) => ctx.owners.isOwn(c)))
  const ownReplyTo = new Set<string>()
  for (const c of own) {
    const parent = parentOf.get(c)
    if (parent) ownReplyTo.add(parent['wp:comment_id'].trim())
  }
  const refOf = (c: WxrComment): RecordRef => {
    const ours = ourId(c[META.id])
    return ours ? { id: ours } : { sourceKey: `wxr:${ctx.site}:comment:${c['wp:comment_id'].trim()}` }
  }
  let zonelessDates = 0
  for (const c of kept) {
    const id = c['wp:comment_id'].trim()
    const parent = parentOf.get(c)
    const ourResponseId = ourId(c[META.id])
    const isOwnReply = own.has(c)
    const date = ctx.clock.read(c['wp:comment_date_gmt'], c['wp:comment_date'])
    if (date?.zone === 'unknown') zonelessDates++
    const record: ResponseRecord = {
      kind: 'response',
      ...(ourResponseId ? { id: ourResponseId } : {}),
      sourceKey: `wxr:${ctx.site}:comment:${id}`,
      position: ctx.position,
      review: reviewRef,
      parent: parent ? refOf(parent) : null,
      authorName: decodeOnce(c['wp:comment_author'] ?? '').trim() || 'Anonymous',
      authorEmail: decodeOnce(c['wp:comment_author_email'] ?? '').trim() || null,
      authorUrl: cleanUrl(decodeOnce(c['wp:comment_author_url'] ?? '')),
      body: commentText(c),
      receivedAt: date?.iso ?? new Date(0).toISOString(),
      status: oneOf(c[META.status], RESPONSE_STATUSES) ?? responseStatus(c, isOwnReply, ownReplyTo.has(id)),
      isOwnReply
    }
    records.push(record)
  }
  return { records, zonelessDates }
}

/** Why a comment is not a reader response, or null when it is one. */
function skipReason(c: WxrComment): string | null {
  const type = (c['wp:comment_type'] ?? '').trim()
  if (type === 'pingback' || type === 'trackback') return type
  if (!(c['wp:comment_id'] ?? '').trim()) return 'comment without an id'
  if ((c['wp:comment_approved'] ?? '').trim() === 'trash') return "comment in WordPress's trash"
  if (!commentText(c)) return 'empty comment'
  return null
}

/** The comment's text, converted once (kept on the comment under a key no XML element has). */
function commentText(c: WxrComment): string {
  return (c[' text'] ??= commentHtmlToText(c['wp:comment_content'] ?? ''))
}

function responseStatus(c: WxrComment, own: boolean, answered: boolean): ResponseRecord['status'] {
  const approved = (c['wp:comment_approved'] ?? '1').trim()
  // Spam stays in the journal, marked, so nothing is lost, but it is never shown as a response.
  if (approved === 'spam') return 'spam'
  // Held for moderation: the page never showed it.
  if (approved === '0') return 'hidden'
  if (own) return 'read'
  return answered ? 'replied' : 'read'
}

function cleanUrl(url: string): string | null {
  const trimmed = url.trim()
  return trimmed && !/^https?:\/\/$/i.test(trimmed) ? trimmed : null
}
