import { ratingSchema, REVIEW_STATUSES, type ReviewStatus } from '../../../../../shared/domain'
import type { ConvertedHtml, DroppedPart } from '../../../../../shared/conversions/html'
import type { ImportRecord, RecordRef, ReviewRecord, WorkRef } from '../../records'
import type { WxrChannel, WxrItem } from './wxrParser'
import { addParagraphs, commentHtmlToText, decodeOnce, titleText } from './htmlText'
import { META } from './meta'
import type { SiteClock } from './dates'
import type { OwnReplies } from './owners'
import { expandShortcodes } from './shortcodes'
import { oneOf, ourId } from './values'
import { toResponses } from './commentRecords'
import { journalFields } from './journalMeta'

/** What turning one item into records needs besides the item. */
export interface ItemContext {
  /** The site every source key is scoped to (see `siteKey`). */
  site: string
  /** The site's title, kept as the review's outlet. */
  outlet: string | null
  /** 1-based position of the item in the file. */
  position: number
  /** WordPress post HTML (already given paragraphs) to a Lexical document, with what it left out. */
  htmlToDoc(html: string): ConvertedHtml
  /** Reads the file's dates, learning the site's offset as it goes. */
  clock: SiteClock
  /** Says which comments are the critic's own. */
  owners: OwnReplies
  /** Collects what the post's text leaves out (shortcodes here, elements in the conversion). */
  dropped: DroppedPart[]
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
  const key = url
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/\/+$/, '')
    .toLowerCase()
  return key || `untitled:${channel.title.trim().toLowerCase() || 'site'}`
}

/** An item's records, and what its post's text left out so far (its conversion may add more). */
export interface ItemRecords {
  records: ImportRecord[]
  dropped: DroppedPart[]
}

/**
 * One `<item>` as records: a post becomes a review followed by its responses, parents before
 * replies; pages, attachments and the like are counted as skipped with the reason, and an item
 * without a post type is refused as WordPress refuses it. See `withDroppedNote`.
 */
export function itemToRecords(item: WxrItem, ctx: ItemContext): ItemRecords {
  return { records: itemRecords(item, ctx), dropped: ctx.dropped }
}

function itemRecords(item: WxrItem, ctx: ItemContext): ImportRecord[] {
  const f = item.fields
  const type = (f['wp:post_type'] ?? '').trim()
  const position = ctx.position
  if (!type) {
    const title = titleText(f.title ?? '')
    return [
      {
        kind: 'problem',
        position,
        what: title ? `item ${position} “${title.slice(0, 60)}”` : `item ${position}`,
        message:
          'This item has no wp:post_type; WordPress refuses it as an invalid post type, so it was left out.'
      }
    ]
  }
  if (type !== 'post') {
    const records: ImportRecord[] = [
      { kind: 'skip', type: 'other', position, reason: `${describeType(type)} (not a review)` }
    ]
    for (const _comment of item.comments)
      records.push({ kind: 'skip', type: 'response', position, reason: `comment on a ${describeType(type)}` })
    return records
  }
  const postId = (f['wp:post_id'] ?? '').trim()
  if (!postId) {
    return [
      {
        kind: 'problem',
        position,
        what: `item ${position}`,
        message: 'This post has no wp:post_id, so it cannot be matched on a later import; it was left out.'
      }
    ]
  }
  const reviewKey = `wxr:${ctx.site}:post:${postId}`
  const status = f['wp:status']?.trim() ?? 'publish'
  if (status === 'auto-draft' && !(f['content:encoded'] ?? '').trim() && !(f.title ?? '').trim()) {
    return [{ kind: 'skip', type: 'review', position, reason: 'empty automatic draft' }]
  }
  const { review, zonelessDate } = toReview(item, ctx, reviewKey, status, ctx.dropped)
  // A file this app wrote names the review by our id: replies then find it in the journal it came from.
  const reviewRef: RecordRef = review.id ? { id: review.id } : { sourceKey: reviewKey }
  const responses = toResponses(item.comments, ctx, reviewRef)
  const what = `item ${position} “${review.title.slice(0, 60)}”`
  const notes: ImportRecord[] = []
  if (zonelessDate || responses.zonelessDates)
    notes.push({
      kind: 'note',
      position,
      what,
      message: zonelessMessage(zonelessDate, responses.zonelessDates)
    })
  return [review, ...notes, ...responses.records]
}

function toReview(
  item: WxrItem,
  ctx: ItemContext,
  sourceKey: string,
  status: string,
  dropped: DroppedPart[]
): { review: ReviewRecord; zonelessDate: boolean } {
  const f = item.fields
  const createdDate = ctx.clock.read(f['wp:post_date_gmt'], f['wp:post_date'])
  const created = createdDate?.iso ?? rfc822Date(f.pubDate)
  const modified = ctx.clock.read(f['wp:post_modified_gmt'], f['wp:post_modified'])?.iso ?? created
  const ourStatus = oneOf(item.meta[META.status], REVIEW_STATUSES) ?? STATUSES[status] ?? 'draft'
  const published = ourStatus === 'published'
  const id = ourId(item.meta[META.id])
  const converted = ctx.htmlToDoc(addParagraphs(expandShortcodes(f['content:encoded'] ?? '', dropped)))
  dropped.push(...converted.dropped)
  const review: ReviewRecord = {
    kind: 'review',
    ...(id ? { id } : {}),
    sourceKey,
    position: ctx.position,
    work: workOf(item.meta),
    title: titleText(f.title ?? ''),
    body: converted.doc,
    standfirst: commentHtmlToText(f['excerpt:encoded'] ?? ''),
    password: f['wp:post_password'] || null,
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
    deletedAt: status === 'trash' ? (modified ?? created ?? new Date().toISOString()) : null,
    ...journalFields(item.meta)
  }
  return { review, zonelessDate: createdDate?.zone === 'unknown' }
}

/** The records with, after the review, a note of what its text left out on purpose (when anything). */
export function withDroppedNote(records: ImportRecord[], dropped: DroppedPart[]): ImportRecord[] {
  const review = records[0]
  if (!dropped.length || review?.kind !== 'review') return records
  const position = review.position ?? 0
  const note: ImportRecord = {
    kind: 'note',
    position,
    what: `item ${position} “${review.title.slice(0, 60)}”`,
    message: droppedMessage(dropped)
  }
  return [review, note, ...records.slice(1)]
}

/** "Left out on purpose …: 2 scripts, an embedded frame, an image." */
function droppedMessage(dropped: DroppedPart[]): string {
  const counts = new Map<string, number>()
  for (const part of dropped) counts.set(part.what, (counts.get(part.what) ?? 0) + 1)
  const parts = [...counts].map(([what, n]) =>
    n === 1 ? `${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what}` : `${n} ${what}s`
  )
  const words = dropped
    .map((p) => p.text)
    .filter(Boolean)
    .join(' ')
  const shown = words ? ` (its text: “${words.length > 120 ? `${words.slice(0, 119)}…` : words}”)` : ''
  return `Left out on purpose, as a review keeps text only: ${parts.join(', ')}${shown}.`
}

function zonelessMessage(post: boolean, comments: number): string {
  const what = [
    post ? 'its date' : '',
    comments ? `${comments} comment date${comments === 1 ? '' : 's'}` : ''
  ]
    .filter(Boolean)
    .join(' and ')
  return `${what[0].toUpperCase()}${what.slice(1)} came only in the site's local time, and the file does not say the site's time zone: read as UTC, so it may be off by some hours.`
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

function ratingOf(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null
  const parsed = ratingSchema.safeParse(Number(value))
  return parsed.success ? parsed.data : null
}

/** The film this app recorded for the post; WordPress itself knows none. */
function workOf(meta: Record<string, string>): WorkRef | null {
  const title = decodeOnce(meta[META.filmTitle] ?? '').trim()
  if (!title) return null
  const year = Number((meta[META.filmYear] ?? '').trim())
  return { title, year: Number.isInteger(year) && year >= 1870 && year <= 2200 ? year : null }
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
