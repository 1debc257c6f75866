import type { Db } from '../db/connection'
import type { WorkSummary } from '../../../shared/contract/works'
import { notFound } from '../context'
import { toWork, type DbWork } from './works'

interface DbWorkSummary extends DbWork {
  screening_count: number
  review_count: number
  last_seen: string | null
  average_rating: number | null
}

/** Per-film counts in two grouped passes (not one subquery per film), joined to the films. */
const SUMMARY_SQL = `
  WITH s AS (
    SELECT work_id, count(*) AS n, max(watched_on) AS last_seen, sum(rating) AS rating_sum,
      count(rating) AS rated
    FROM screenings WHERE deleted_at IS NULL GROUP BY work_id
  ), r AS (
    SELECT work_id, count(*) AS n, sum(rating) AS rating_sum, count(rating) AS rated
    FROM reviews WHERE deleted_at IS NULL AND work_id IS NOT NULL GROUP BY work_id
  )
  SELECT w.*, coalesce(s.n, 0) AS screening_count, coalesce(r.n, 0) AS review_count,
    s.last_seen AS last_seen,
    (coalesce(s.rating_sum, 0) + coalesce(r.rating_sum, 0))
      / nullif(coalesce(s.rated, 0) + coalesce(r.rated, 0), 0) AS average_rating
  FROM works w LEFT JOIN s ON s.work_id = w.id LEFT JOIN r ON r.work_id = w.id`

function toSummary(row: DbWorkSummary): WorkSummary {
  return {
    ...toWork(row),
    screeningCount: row.screening_count,
    reviewCount: row.review_count,
    lastSeen: row.last_seen,
    averageRating: row.average_rating === null ? null : Math.round(row.average_rating * 100) / 100
  }
}

/** Every film with its screening and review counts, last seen date and average rating. */
export function listCatalogue(db: Db, ids?: string[]): WorkSummary[] {
  const where = ids ? 'WHERE w.id IN (SELECT value FROM json_each(?))' : ''
  const rows = db
    .prepare(`${SUMMARY_SQL} ${where} ORDER BY w.title COLLATE NOCASE, w.year`)
    .all(...(ids ? [JSON.stringify(ids)] : [])) as DbWorkSummary[]
  return rows.map(toSummary)
}

/** One film with its counts. */
export function getWorkSummary(db: Db, id: string): WorkSummary {
  const [summary] = listCatalogue(db, [id])
  if (!summary) throw notFound('film', id)
  return summary
}
