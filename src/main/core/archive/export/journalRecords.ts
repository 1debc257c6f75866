import type { Statement } from 'better-sqlite3'
import type { Db } from '../../db/connection'
import type { LexicalDoc, ResponseStatus, ReviewStatus } from '../../../../shared/domain'
import { REVIEW_TAGS, tagsByOwner } from '../../tags/tags'

export interface ExportResponse {
  id: string
  parentId: string | null
  authorName: string
  authorUrl: string | null
  body: string
  receivedAt: string
  status: ResponseStatus
  isOwnReply: boolean
}

/** A review as the readable exports (Markdown, HTML) show it: with its film and responses. */
export interface ExportReview {
  id: string
  title: string
  status: ReviewStatus
  rating: number | null
  tags: string[]
  body: LexicalDoc
  outlet: string | null
  publishedUrl: string | null
  publishedAt: string | null
  slug: string | null
  /** The short summary above the text; absent or '' when none. */
  standfirst?: string
  createdAt: string
  updatedAt: string
  work: { title: string; year: number | null; directors: string[] } | null
  responses: ExportResponse[]
}

interface DbRow {
  id: string; title: string; status: ReviewStatus; rating: number | null; body: string; outlet: string | null
  published_url: string | null; published_at: string | null; slug: string | null; standfirst: string; created_at: string; updated_at: string
  work_title: string | null; work_year: number | null; work_directors: string | null
}

/** Ids of the reviews a readable export holds (live ones, oldest first), read before streaming. */
export function exportableReviewIds(db: Db): { id: string; title: string; createdAt: string }[] {
  return (db.prepare('SELECT id, title, created_at FROM reviews WHERE deleted_at IS NULL ORDER BY created_at, rid').all() as { id: string; title: string; created_at: string }[]).map((r) => ({ id: r.id, title: r.title, createdAt: r.created_at }))
}

/**
 * Loads one review for export. Responses marked spam or hidden stay out of readable exports;
 * the journal archive keeps them.
 */
export function loadExportReview(db: Db, id: string, tags: Map<string, string[]> = tagsByOwner(db, REVIEW_TAGS, [id])): ExportReview | null {
  const { review, responses: responseQuery } = statementsFor(db)
  const row = review.get(id) as DbRow | undefined
  if (!row) return null
  const responses = responseQuery.all(id) as DbResponseRow[]
  return toExportReview(row, tags.get(id) ?? [], responses)
}

const statements = new WeakMap<Db, { review: Statement; responses: Statement }>()

/** The two queries an export runs per review, prepared once per connection. */
function statementsFor(db: Db): { review: Statement; responses: Statement } {
  let found = statements.get(db)
  if (found) return found
  found = {
    review: db.prepare(
      `SELECT r.id, r.title, r.status, r.rating, r.body, r.outlet, r.published_url, r.published_at, r.slug,
         r.standfirst, r.created_at, r.updated_at, w.title AS work_title, w.year AS work_year, w.directors AS work_directors
       FROM reviews r LEFT JOIN works w ON w.id = r.work_id WHERE r.id = ?`
    ),
    responses: db.prepare(
      `SELECT id, parent_id, author_name, author_url, body, received_at, status, is_own_reply FROM responses
       WHERE review_id = ? AND status NOT IN ('spam', 'hidden') ORDER BY received_at, rid`
    )
  }
  statements.set(db, found)
  return found
}

type DbResponseRow = { id: string; parent_id: string | null; author_name: string; author_url: string | null; body: string; received_at: string; status: ResponseStatus; is_own_reply: number }

function toExportReview(row: DbRow, tags: string[], responses: DbResponseRow[]): ExportReview {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    rating: row.rating,
    tags,
    body: JSON.parse(row.body) as LexicalDoc,
    outlet: row.outlet,
    publishedUrl: row.published_url,
    publishedAt: row.published_at,
    slug: row.slug,
    standfirst: row.standfirst,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    work: row.work_title === null ? null : { title: row.work_title, year: row.work_year, directors: JSON.parse(row.work_directors ?? '[]') as string[] },
    responses: responses.map((r) => ({
      id: r.id, parentId: r.parent_id, authorName: r.author_name, authorUrl: r.author_url, body: r.body,
      receivedAt: r.received_at, status: r.status, isOwnReply: r.is_own_reply === 1
    }))
  }
}

/** Responses as a thread: each top-level response followed by its replies, depth-first. */
export function threadOrder(responses: ExportResponse[]): { response: ExportResponse; depth: number }[] {
  const ids = new Set(responses.map((r) => r.id))
  const children = new Map<string | null, ExportResponse[]>()
  for (const r of responses) {
    const parent = r.parentId && ids.has(r.parentId) ? r.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), r])
  }
  const out: { response: ExportResponse; depth: number }[] = []
  const visit = (parent: string | null, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      out.push({ response: r, depth })
      visit(r.id, depth + 1)
    }
  }
  visit(null, 0)
  return out
}

/** A file name from a title: lower case, ASCII letters and digits joined by dashes, at most 60. */
export function fileSlug(title: string, fallback = 'untitled'): string {
  const slug = title.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '')
  return slug || fallback
}
