import { lexicalToMarkdown } from '../../../../../shared/conversions/markdown'
import { threadOrder, type ReadableReview } from '../../export/readable'

/** The line that starts the responses section; the Markdown importer stops reading the body there. */
export const RESPONSES_MARKER = '<!-- review-journal:responses -->'

/**
 * One review as a Markdown file: YAML front matter (title, author — the critic's name from
 * Preferences, when set —, film, year, rating, tags, status,
 * dates, published URL, and our id so a re-import merges instead of duplicating), the body,
 * and the readers' responses as a threaded list after a marker line.
 */
export function reviewToMarkdown(review: ReadableReview, author = ''): string {
  const front: Record<string, unknown> = { id: review.id, title: review.title }
  if (author) front.author = author
  if (review.work) {
    front.film = review.work.title
    if (review.work.year !== null) front.year = review.work.year
    if (review.work.directors?.length) front.directors = review.work.directors
  }
  if (review.rating !== null) front.rating = review.rating
  if (review.tags.length) front.tags = review.tags
  front.status = review.status
  front.created = review.createdAt
  front.updated = review.updatedAt
  if (review.publishedAt) front.published = review.publishedAt
  if (review.publishedUrl) front.url = review.publishedUrl
  if (review.outlet) front.outlet = review.outlet
  if (review.standfirst) front.standfirst = review.standfirst
  const parts = [`---\n${frontMatterYaml(front)}---`, '']
  if (review.title) parts.push(`# ${review.title}`, '')
  parts.push(lexicalToMarkdown(review.body).trim(), '')
  if (review.responses.length)
    parts.push(RESPONSES_MARKER, '', '## Responses', '', responsesMarkdown(review), '')
  return parts.join('\n')
}

/**
 * Front matter as YAML whose every value is written as JSON: YAML 1.2 reads a JSON string,
 * number or array as that same value, so no text can be taken for YAML syntax. The values are
 * flat and known; a general YAML writer costs 25 times as long, a second in a large export.
 */
function frontMatterYaml(front: Record<string, unknown>): string {
  return Object.entries(front)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}\n`)
    .join('')
}

function responsesMarkdown(review: ReadableReview): string {
  return threadOrder(review.responses)
    .map(({ response, depth }) => {
      const indent = '  '.repeat(depth)
      const who = response.isOwnReply ? `${response.authorName} (critic)` : response.authorName
      const lines = response.body.trim().split(/\r?\n/)
      const head = `${indent}- **${escapeInline(who)}** · ${response.receivedAt.slice(0, 10)}: ${lines[0]}`
      return [head, ...lines.slice(1).map((l) => `${indent}  ${l}`)].join('\n')
    })
    .join('\n')
}

function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1')
}
