import type { ReviewStatus } from '../../../../../shared/domain'
import { lexicalToHtml } from '../../../../../shared/conversions/html'
import { escapeOnce, textToCommentHtml } from './htmlText'
import { META, metaKey } from './meta'
import { cdata, rssDate, wordpressDateText, xmlText } from './xml'
import { localDateText } from './dates'
import type { ExportedResponse, ReviewWithThread } from '../../export/journalRecords'

/** The one WordPress user every exported post and the critic's own replies belong to. */
export interface WxrAuthor {
  id: number
  login: string
  displayName: string
}

/** The critic as a WordPress user: their name from Preferences (login made from it), else `critic`. */
export function wxrAuthor(criticName: string): WxrAuthor {
  const login = criticName
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return { id: 1, login: login || 'critic', displayName: criticName || 'critic' }
}

const DEFAULT_AUTHOR = wxrAuthor('')

const WP_STATUS: Record<ReviewStatus, string> = {
  published: 'publish',
  // Ready but not public: "private" is WordPress's status that nobody else sees, and it maps
  // back to "ready" on import.
  ready: 'private',
  draft: 'draft'
}

export interface ChannelInfo {
  title: string
  url: string
  tags: { slug: string; name: string }[]
  generator: string
  author?: WxrAuthor
}

/** The file's opening: namespaces, the site, its author and its tags. */
export function channelHead(info: ChannelInfo): string {
  const author = info.author ?? DEFAULT_AUTHOR
  const tags = info.tags
    .map(
      (t, i) =>
        `\t<wp:tag><wp:term_id>${i + 1}</wp:term_id><wp:tag_slug>${cdata(t.slug)}</wp:tag_slug><wp:tag_name>${cdata(escapeOnce(t.name))}</wp:tag_name></wp:tag>\n`
    )
    .join('')
  return `<?xml version="1.0" encoding="UTF-8" ?>
<!-- A WordPress eXtended RSS (WXR 1.2) file written by ${xmlText(info.generator)}. -->
<!-- Import it with WordPress's Tools > Import > WordPress, or into another Review Journal. -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>${xmlText(info.title)}</title>
	<link>${xmlText(info.url)}</link>
	<description></description>
	<pubDate>${rssDate(new Date().toISOString())}</pubDate>
	<language>en</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${xmlText(info.url)}</wp:base_site_url>
	<wp:base_blog_url>${xmlText(info.url)}</wp:base_blog_url>
	<wp:author><wp:author_id>${author.id}</wp:author_id><wp:author_login>${cdata(author.login)}</wp:author_login><wp:author_email>${cdata('')}</wp:author_email><wp:author_display_name>${cdata(escapeOnce(author.displayName))}</wp:author_display_name><wp:author_first_name>${cdata('')}</wp:author_first_name><wp:author_last_name>${cdata('')}</wp:author_last_name></wp:author>
${tags}	<generator>${xmlText(info.generator)}</generator>
`
}

export const CHANNEL_END = '</channel>\n</rss>\n'

export interface ItemNumbers {
  postId: number
  /** The next free comment id; advanced past this item's comments. */
  nextCommentId: number
}

/**
 * One review as an `<item>` with its responses as `<wp:comment>`s. Comment ids are handed out
 * parent first, because WordPress's importer links a reply only to a parent it already made.
 */
export function reviewItem(
  review: ReviewWithThread,
  tagSlugs: Map<string, string>,
  site: string,
  n: ItemNumbers,
  author = DEFAULT_AUTHOR
): string {
  const guid = `${site}/?p=${n.postId}`
  // As WordPress writes them: site time (this computer's zone) and UTC.
  const posted = review.publishedAt ?? review.createdAt
  const date = wordpressDateText(posted)
  const modified = wordpressDateText(review.updatedAt)
  const lines = [
    `\t<item>`,
    `\t\t<title>${cdata(escapeOnce(review.title))}</title>`,
    `\t\t<link>${xmlText(review.publishedUrl ?? guid)}</link>`,
    `\t\t<pubDate>${rssDate(review.publishedAt ?? review.createdAt)}</pubDate>`,
    `\t\t<dc:creator>${cdata(author.login)}</dc:creator>`,
    `\t\t<guid isPermaLink="false">${xmlText(guid)}</guid>`,
    `\t\t<description></description>`,
    `\t\t<content:encoded>${cdata(lexicalToHtml(review.body))}</content:encoded>`,
    `\t\t<excerpt:encoded>${cdata(textToCommentHtml(review.standfirst ?? ''))}</excerpt:encoded>`,
    `\t\t<wp:post_id>${n.postId}</wp:post_id>`,
    `\t\t<wp:post_date>${cdata(localDateText(posted))}</wp:post_date>`,
    `\t\t<wp:post_date_gmt>${cdata(date)}</wp:post_date_gmt>`,
    `\t\t<wp:post_modified>${cdata(localDateText(review.updatedAt))}</wp:post_modified>`,
    `\t\t<wp:post_modified_gmt>${cdata(modified)}</wp:post_modified_gmt>`,
    `\t\t<wp:comment_status>${cdata(review.responsesClosed ? 'closed' : 'open')}</wp:comment_status>`,
    `\t\t<wp:ping_status>${cdata('closed')}</wp:ping_status>`,
    `\t\t<wp:post_name>${cdata(review.slug ?? '')}</wp:post_name>`,
    `\t\t<wp:status>${cdata(WP_STATUS[review.status])}</wp:status>`,
    `\t\t<wp:post_parent>0</wp:post_parent>`,
    `\t\t<wp:menu_order>0</wp:menu_order>`,
    `\t\t<wp:post_type>${cdata('post')}</wp:post_type>`,
    `\t\t<wp:post_password>${cdata(review.password ?? '')}</wp:post_password>`,
    `\t\t<wp:is_sticky>0</wp:is_sticky>`,
    ...review.tags.map(
      (t) =>
        `\t\t<category domain="post_tag" nicename="${xmlText(tagSlugs.get(t.toLowerCase()) ?? '')}">${cdata(escapeOnce(t))}</category>`
    ),
    postmeta('wp:postmeta', META.id, review.id, 2),
    postmeta('wp:postmeta', META.status, review.status, 2)
  ]
  if (review.rating !== null) lines.push(postmeta('wp:postmeta', META.rating, String(review.rating), 2))
  lines.push(
    postmeta('wp:postmeta', META.createdAt, review.createdAt, 2),
    postmeta('wp:postmeta', META.publishedAt, review.publishedAt ?? '', 2),
    postmeta('wp:postmeta', META.publishedUrl, review.publishedUrl ?? '', 2),
    postmeta('wp:postmeta', META.outlet, review.outlet ?? '', 2),
    postmeta('wp:postmeta', META.hasSpoilers, review.hasSpoilers ? '1' : '0', 2)
  )
  if (review.work) {
    lines.push(postmeta('wp:postmeta', META.filmTitle, escapeOnce(review.work.title), 2))
    if (review.work.year !== null)
      lines.push(postmeta('wp:postmeta', META.filmYear, String(review.work.year), 2))
  }
  for (const { response, parentNumber, number } of numberThread(review.responses, n)) {
    lines.push(comment(response, number, parentNumber))
  }
  lines.push(`\t</item>`)
  return lines.join('\n') + '\n'
}

function comment(r: ExportedResponse, number: number, parent: number): string {
  const date = wordpressDateText(r.receivedAt)
  const approved = r.status === 'spam' ? 'spam' : r.status === 'hidden' ? '0' : '1'
  return [
    `\t\t<wp:comment>`,
    `\t\t\t<wp:comment_id>${number}</wp:comment_id>`,
    `\t\t\t<wp:comment_author>${cdata(escapeOnce(r.authorName))}</wp:comment_author>`,
    `\t\t\t<wp:comment_author_email>${cdata(escapeOnce(r.authorEmail ?? ''))}</wp:comment_author_email>`,
    `\t\t\t<wp:comment_author_url>${xmlText(escapeOnce(r.authorUrl ?? ''))}</wp:comment_author_url>`,
    `\t\t\t<wp:comment_author_IP>${cdata('')}</wp:comment_author_IP>`,
    `\t\t\t<wp:comment_date>${cdata(localDateText(r.receivedAt))}</wp:comment_date>`,
    `\t\t\t<wp:comment_date_gmt>${cdata(date)}</wp:comment_date_gmt>`,
    `\t\t\t<wp:comment_content>${cdata(textToCommentHtml(r.body))}</wp:comment_content>`,
    `\t\t\t<wp:comment_approved>${cdata(approved)}</wp:comment_approved>`,
    `\t\t\t<wp:comment_type>${cdata('comment')}</wp:comment_type>`,
    `\t\t\t<wp:comment_parent>${parent}</wp:comment_parent>`,
    `\t\t\t<wp:comment_user_id>${r.isOwnReply ? DEFAULT_AUTHOR.id : 0}</wp:comment_user_id>`,
    postmeta('wp:commentmeta', META.id, r.id, 3),
    postmeta('wp:commentmeta', META.status, r.status, 3),
    `\t\t</wp:comment>`
  ].join('\n')
}

function postmeta(
  element: string,
  key: (typeof META)[keyof typeof META],
  value: string,
  indent: number
): string {
  const tabs = '\t'.repeat(indent)
  return `${tabs}<${element}>\n${tabs}\t<wp:meta_key>${cdata(metaKey(key))}</wp:meta_key>\n${tabs}\t<wp:meta_value>${cdata(value)}</wp:meta_value>\n${tabs}</${element}>`
}

/** Responses depth-first (each parent before its replies) with their comment numbers. */
function numberThread(
  responses: ExportedResponse[],
  n: ItemNumbers
): { response: ExportedResponse; number: number; parentNumber: number }[] {
  const ids = new Set(responses.map((r) => r.id))
  const children = new Map<string | null, ExportedResponse[]>()
  for (const r of responses) {
    const parent = r.parent && ids.has(r.parent.id) ? r.parent.id : null
    const list = children.get(parent)
    if (list) list.push(r)
    else children.set(parent, [r])
  }
  const out: { response: ExportedResponse; number: number; parentNumber: number }[] = []
  const seen = new Set<ExportedResponse>()
  const stack: { response: ExportedResponse; parentNumber: number }[] = (children.get(null) ?? [])
    .map((r) => ({ response: r, parentNumber: 0 }))
    .reverse()
  // Anything a damaged parent chain left unreachable still goes out, as a top-level comment.
  const orphans = responses.filter((r) => r.parent && ids.has(r.parent.id)).reverse()
  while (stack.length || orphans.length) {
    const next = stack.pop() ?? { response: orphans.pop()!, parentNumber: 0 }
    const { response, parentNumber } = next
    if (seen.has(response)) continue
    seen.add(response)
    const number = n.nextCommentId++
    out.push({ response, number, parentNumber })
    const replies = children.get(response.id) ?? []
    for (let i = replies.length - 1; i >= 0; i--) stack.push({ response: replies[i], parentNumber: number })
  }
  return out
}
