import { createHash } from 'node:crypto'
import { basename, extname } from 'node:path'
import { markdownToLexical } from '../../../../../shared/conversions/markdown'
import type { ImportRecord } from '../../records'
import type { LexicalDoc } from '../../../../../shared/domain'
import { RESPONSES_MARKER } from './document'
import { pick, splitFrontMatter, toRating, toStatus, toTags, toTimestamp, toWork } from './frontMatter'

const OUR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * One Markdown note as a review record (plus a problem when part of it was unreadable).
 * Identity: our own id from front matter when it carries one (our export), else the file's path
 * and a hash of its content, so importing the same folder again changes nothing. `toDoc` makes
 * the review's document (elsewhere, when the reader hands it to a thread).
 */
export function markdownToRecords(
  relativePath: string,
  text: string,
  position: number,
  toDoc: (markdown: string) => LexicalDoc = markdownToLexical
): ImportRecord[] {
  let split
  try {
    split = splitFrontMatter(text)
  } catch (err) {
    return [
      {
        kind: 'problem',
        position,
        what: relativePath,
        message: `the front matter is not valid YAML (${(err as Error).message.split('\n')[0]})`
      }
    ]
  }
  const { front } = split
  // Our own export puts the readers' responses after a marker; they are not part of the review.
  let body = split.body.split(RESPONSES_MARKER)[0]
  let title = typeof pick(front, 'title') === 'string' ? String(pick(front, 'title')).trim() : ''
  const heading = /^\s*#[ \t]+(.+?)[ \t]*#*[ \t]*(?:\r?\n|$)/.exec(body)
  if (heading && (!title || heading[1].trim() === title)) {
    title ||= heading[1].trim()
    body = body.slice(heading[0].length)
  }
  title ||= basename(relativePath, extname(relativePath))
  const out: ImportRecord[] = []
  const rating = toRating(pick(front, 'rating', 'stars'))
  if (rating === 'invalid') {
    out.push({
      kind: 'problem',
      position,
      what: relativePath,
      message: `rating “${String(pick(front, 'rating', 'stars'))}” was not understood; imported without a rating`
    })
  }
  const id = typeof front.id === 'string' && OUR_ID.test(front.id) ? front.id : undefined
  const createdAt = toTimestamp(pick(front, 'created', 'date', 'created_at', 'createdAt'))
  const status = toStatus(front)
  out.push({
    kind: 'review',
    position,
    id,
    sourceKey: id
      ? undefined
      : `markdown:${relativePath}:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`,
    createdAt,
    updatedAt:
      toTimestamp(pick(front, 'updated', 'modified', 'updated_at', 'updatedAt', 'lastmod')) ?? createdAt,
    work: toWork(front),
    title,
    body: toDoc(body.trim()),
    status,
    rating: rating === 'invalid' ? null : rating,
    tags: toTags(pick(front, 'tags', 'tag', 'keywords')),
    responsesClosed: false,
    outlet: typeof front.outlet === 'string' ? front.outlet : null,
    publishedUrl:
      typeof pick(front, 'url', 'published_url', 'link') === 'string'
        ? String(pick(front, 'url', 'published_url', 'link'))
        : null,
    publishedAt: toTimestamp(pick(front, 'published', 'published_at', 'publishedAt')) ?? null,
    standfirst:
      typeof pick(front, 'standfirst', 'excerpt', 'summary') === 'string'
        ? String(pick(front, 'standfirst', 'excerpt', 'summary'))
            .trim()
            .slice(0, 2000)
        : ''
  })
  return out
}
