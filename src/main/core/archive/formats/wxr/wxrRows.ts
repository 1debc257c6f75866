import type { Db } from '../../../db/connection'
import type { LexicalDoc, ReaderResponse, ReviewStatus } from '../../../../../shared/domain'
import { toResponse, type DbResponse } from '../../../responses/responses'

/** A review as the WordPress export needs it. */
export interface WxrReviewRow {
  id: string
  title: string
  body: LexicalDoc
  status: ReviewStatus
  rating: number | null
  responsesClosed: boolean
  publishedUrl: string | null
  publishedAt: string | null
  slug: string | null
  createdAt: string
  updatedAt: string
  workTitle: string | null
  workYear: number | null
  standfirst: string
  password: string | null
  outlet: string | null
  hasSpoilers: boolean
}

/** A response as the WordPress export needs it, every status included (spam stays spam). */
export type WxrResponseRow = ReaderResponse

/** Ids of the reviews to export (not in the trash), oldest first; read before streaming. */
export function reviewIdsForWxr(db: Db): string[] {
  return (db.prepare('SELECT id FROM reviews WHERE deleted_at IS NULL ORDER BY created_at, rid').pluck().all() as string[])
}

/** What the channel header says: the outlet most reviews name, and their site's address. */
export function siteOfJournal(db: Db): { title: string | null; url: string | null } {
  const outlet = db
    .prepare(`SELECT outlet FROM reviews WHERE deleted_at IS NULL AND trim(coalesce(outlet, '')) <> ''
      GROUP BY outlet ORDER BY count(*) DESC LIMIT 1`)
    .pluck()
    .get() as string | undefined
  const urls = db
    .prepare("SELECT published_url FROM reviews WHERE deleted_at IS NULL AND published_url LIKE 'http%' LIMIT 1000")
    .pluck()
    .all() as string[]
  const origins = new Map<string, number>()
  for (const url of urls) {
    try {
      const origin = new URL(url).origin
      origins.set(origin, (origins.get(origin) ?? 0) + 1)
    } catch {
      // Not an address; says nothing about the site.
    }
  }
  const url = [...origins.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
  return { title: outlet?.trim() ?? null, url }
}

interface DbReview {
  id: string
  title: string
  body: string
  status: ReviewStatus
  rating: number | null
  responses_closed: number
  published_url: string | null
  published_at: string | null
  slug: string | null
  created_at: string
  updated_at: string
  work_title: string | null
  work_year: number | null
  standfirst: string
  password: string | null
  outlet: string | null
  has_spoilers: number
}

/** Prepared reads for one export; call inside one read transaction. */
export function wxrReader(db: Db) {
  const review = db.prepare(
    `SELECT r.id, r.title, r.body, r.status, r.rating, r.responses_closed, r.published_url, r.published_at,
       r.slug, r.created_at, r.updated_at, r.standfirst, r.password, r.outlet, r.has_spoilers, w.title AS work_title, w.year AS work_year
     FROM reviews r LEFT JOIN works w ON w.id = r.work_id WHERE r.id = ?`
  )
  const responses = db.prepare(
    'SELECT * FROM responses WHERE review_id = ? ORDER BY received_at, rid'
  )
  return {
    review(id: string): WxrReviewRow | null {
      const row = review.get(id) as DbReview | undefined
      if (!row) return null
      return {
        id: row.id,
        title: row.title,
        body: JSON.parse(row.body) as LexicalDoc,
        status: row.status,
        rating: row.rating,
        responsesClosed: row.responses_closed === 1,
        publishedUrl: row.published_url,
        publishedAt: row.published_at,
        slug: row.slug,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        workTitle: row.work_title,
        workYear: row.work_year,
        standfirst: row.standfirst,
        password: row.password,
        outlet: row.outlet,
        hasSpoilers: row.has_spoilers === 1
      }
    },
    responses(reviewId: string): WxrResponseRow[] {
      return (responses.all(reviewId) as DbResponse[]).map(toResponse)
    }
  }
}
