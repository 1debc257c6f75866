import {
  idSchema,
  ratingSchema,
  RESPONSE_STATUSES,
  REVIEW_STATUSES,
  type LexicalDoc,
  type ReviewStatus
} from '../../../../../shared/domain'
import type { ImportRecord, RecordRef, ResponseRecord, ReviewRecord, WorkRef } from '../../records'
import type { WxrChannel, WxrComment, WxrItem } from './wxrParser'
import { addParagraphs, commentHtmlToText, decodeOnce } from './htmlText'
import { commentsInThreadOrder } from './thread'
import { META } from './meta'

/** What turning one item into records needs besides the item. */
export interface ItemContext {
  /** The site every source key is scoped to (see `siteKey`). */
  site: string
  /** The site's title, kept as the review's outlet. */
  outlet: string | null
  /** 1-based position of the item in the file. */
  position: number
  /** WordPress post HTML (already given paragraphs) to a Lexical document. */
  htmlToDoc(html: string): LexicalDoc
}

const STATUSES: Record<string, ReviewStatus> = {
  publish: 'published',
  draft: 'draft',
  pending: 'draft',
  'auto-draft': 'draft',
  private: 'ready',
  future: 'ready',
  trash: 'draft'
}

const TAG_DOMAINS = new Set(['category', 'post_tag'])
const MAX_TAG_CHARS = 80

/**
 * "example.org/blog" from the channel: the identity of a site however its address was written
 * (http or https, with or without a trailing slash), so a re-import matches the first one.
 */
export function siteKey(channel: WxrChannel): string {
  const url = channel.baseSiteUrl.trim() || channel.link.trim()
  const key = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, '').toLowerCase()
  return key || `untitled:${channel.title.trim().toLowerCase() || 'site'}`
}

/**
 * One `<item>` as records: a post becomes a review followed by its responses, parents before
 * replies; pages, attachments and the like are counted as skipped with the reason.
 */
export function itemToRecords(item: WxrItem, ctx: ItemContext): ImportRecord[] {
  const f = item.fields
  const type = (f['wp:post_type'] ?? 'post').trim() || 'post'
  const position = ctx.position
  if (type !== 'post') {
    const records: ImportRecord[] = [{ kind: 'skip', type: 'other', position, reason: `${describeType(type)} (not a review)` }]
    for (const _comment of item.comments) records.push({ kind: 'skip', type: 'response', position, reason: `comment on a ${describeType(type)}` })
    return records
  }
  const postId = (f['wp:post_id'] ?? '').trim()
  if (!postId) {
    return [{ kind: 'problem', position, what: `item ${position}`, message: 'This post has no wp:post_id, so it cannot be matched on a later import; it was left out.' }]
  }
  const reviewKey = `wxr:${ctx.site}:post:${postId}`
  const status = f['wp:status']?.trim() ?? 'publish'
  if (status === 'auto-draft' && !(f['content:encoded'] ?? '').trim() && !(f.title ?? '').trim()) {
    return [{ kind: 'skip', type: 'review', position, reason: 'empty automatic draft' }]
  }
  const review = toReview(item, ctx, reviewKey, status)
  // A file this app wrote names the review by our id: replies then find it in the journal it came from.
  const reviewRef: RecordRef = review.id ? { id: review.id } : { sourceKey: reviewKey }
  return [review, ...toResponses(item.comments, ctx, reviewRef)]
}

function toReview(item: WxrItem, ctx: ItemContext, sourceKey: string, status: string): ReviewRecord {
  const f = item.fields
  const created = wordpressDate(f['wp:post_date_gmt'], f['wp:post_date']) ?? rfc822Date(f.pubDate)
  const modified = wordpressDate(f['wp:post_modified_gmt'], f['wp:post_modified']) ?? created
  const ourStatus = oneOf(item.meta[META.status], REVIEW_STATUSES) ?? STATUSES[status] ?? 'draft'
  const published = ourStatus === 'published'
  const id = ourId(item.meta[META.id])
  return {
    kind: 'review',
    ...(id ? { id } : {}),
    sourceKey,
    position: ctx.position,
    work: workOf(item.meta),
    title: decodeOnce(f.title ?? '').trim(),
    body: ctx.htmlToDoc(addParagraphs(f['content:encoded'] ?? '')),
    status: ourStatus,
    rating: ratingOf(item.meta[META.rating]),
    tags: tagsOf(item),
    responsesClosed: (f['wp:comment_status'] ?? '').trim() === 'closed',
    outlet: ctx.outlet,
    publishedUrl: published ? (f.link ?? '').trim() || null : null,
    publishedAt: published ? created : null,
    slug: (f['wp:post_name'] ?? '').trim() || null,
    ...(created ? { createdAt: created } : {}),
    ...(modified ? { updatedAt: modified } : {}),
    deletedAt: status === 'trash' ? (modified ?? created ?? new Date().toISOString()) : null
  }
}

function tagsOf(item: WxrItem): string[] {
  const seen = new Map<string, string>()
  for (const category of item.categories) {
    if (!TAG_DOMAINS.has(category.domain)) continue
    // Every post WordPress could not file sits in "Uncategorized": that says nothing about it.
    if (category.domain === 'category' && category.nicename === 'uncategorized') continue
    const name = decodeOnce(category.name).replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_CHARS).trim()
    if (name && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name)
  }
  return [...seen.values()].slice(0, 200)
}

function toResponses(comments: WxrComment[], ctx: ItemContext, reviewRef: RecordRef): ImportRecord[] {
  const records: ImportRecord[] = []
  const { kept, parentOf, skipped } = commentsInThreadOrder(comments, skipReason)
  for (const reason of skipped) records.push({ kind: 'skip', type: 'response', position: ctx.position, reason })
  const ownReplyTo = new Set<string>()
  for (const c of kept) {
    const parent = parentOf.get(c)
    if (parent && isOwn(c)) ownReplyTo.add(parent['wp:comment_id'].trim())
  }
  const refOf = (c: WxrComment): RecordRef => {
    const ours = ourId(c[META.id])
    return ours ? { id: ours } : { sourceKey: `wxr:${ctx.site}:comment:${c['wp:comment_id'].trim()}` }
  }
  for (const c of kept) {
    const id = c['wp:comment_id'].trim()
    const parent = parentOf.get(c)
    const ourResponseId = ourId(c[META.id])
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
      receivedAt: wordpressDate(c['wp:comment_date_gmt'], c['wp:comment_date']) ?? new Date(0).toISOString(),
      status: oneOf(c[META.status], RESPONSE_STATUSES) ?? responseStatus(c, ownReplyTo.has(id)),
      isOwnReply: isOwn(c)
    }
    records.push(record)
  }
  return records
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

function isOwn(c: WxrComment): boolean {
  const user = (c['wp:comment_user_id'] ?? '0').trim()
  return user !== '' && user !== '0'
}

function responseStatus(c: WxrComment, answered: boolean): ResponseRecord['status'] {
  const approved = (c['wp:comment_approved'] ?? '1').trim()
  // Spam stays in the journal, marked, so nothing is lost, but it is never shown as a response.
  if (approved === 'spam') return 'spam'
  // Held for moderation: the page never showed it.
  if (approved === '0') return 'hidden'
  if (isOwn(c)) return 'read'
  return answered ? 'replied' : 'read'
}

/** Our own id, when the file was written by this app and the value is a plausible id. */
function ourId(value: string | undefined): string | null {
  // Most files are not ours: skip zod (and the cost of its error objects) when there is no value.
  if (value === undefined) return null
  const parsed = idSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

function ratingOf(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null
  const parsed = ratingSchema.safeParse(Number(value))
  return parsed.success ? parsed.data : null
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | null {
  const trimmed = value?.trim()
  return allowed.find((a) => a === trimmed) ?? null
}

/** The film this app recorded for the post; WordPress itself knows none. */
function workOf(meta: Record<string, string>): WorkRef | null {
  const title = decodeOnce(meta[META.filmTitle] ?? '').trim()
  if (!title) return null
  const year = Number((meta[META.filmYear] ?? '').trim())
  return { title, year: Number.isInteger(year) && year >= 1870 && year <= 2200 ? year : null }
}

function cleanUrl(url: string): string | null {
  const trimmed = url.trim()
  return trimmed && !/^https?:\/\/$/i.test(trimmed) ? trimmed : null
}

/** WordPress writes "2011-01-18 07:40:14"; GMT when known, else site time taken as UTC. */
export function wordpressDate(gmt: string | undefined, local: string | undefined): string | null {
  for (const value of [gmt, local]) {
    const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec((value ?? '').trim())
    if (!m || m[1] === '0000') continue
    const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`)
    if (!Number.isNaN(date.getTime())) return date.toISOString()
  }
  return null
}

function rfc822Date(value: string | undefined): string | null {
  const time = Date.parse((value ?? '').trim())
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}

function describeType(type: string): string {
  if (type === 'page' || type === 'attachment') return type
  if (type === 'nav_menu_item') return 'menu item'
  if (type === 'revision') return 'stored revision'
  return `"${type}" entry`
}
