import type { Db } from '../db/connection'
import type { MonthCount, StatsOverview } from '../../../shared/contract/stats'
import { REVIEW_STATUSES, type ReviewStatus, type ScreeningFormat } from '../../../shared/domain'
import { monthsCte, within, type Scope } from './scope'

const LIVE_SCREENINGS = 'FROM screenings s WHERE s.deleted_at IS NULL'
const LIVE_REVIEWS = 'FROM reviews r WHERE r.deleted_at IS NULL'

/** Every number on the statistics screen, each one SQL aggregate, for all time or one year. */
export function statsOverview(db: Db, scope: Scope): StatsOverview {
  const seen = within('s.watched_on', scope)
  const written = within('r.created_at', scope)
  const one = <T>(sql: string, params: unknown[]) => db.prepare(sql).get(...params) as T
  const all = <T>(sql: string, params: unknown[]) => db.prepare(sql).all(...params) as T[]

  const screeningTotals = one<{ screenings: number; films: number }>(
    `SELECT count(*) AS screenings, count(DISTINCT s.work_id) AS films ${LIVE_SCREENINGS} AND ${seen.sql}`,
    seen.params
  )
  const reviewTotals = one<{ reviews: number; words: number }>(
    `SELECT count(*) AS reviews, coalesce(sum(r.word_count), 0) AS words ${LIVE_REVIEWS} AND ${written.sql}`,
    written.params
  )
  const received = within('p.received_at', scope)
  // One pass over the responses; the live review ids come once from the narrow stats index
  // (`+` keeps SQLite from seeking responses review by review instead).
  const responses = one<{ n: number }>(
    `SELECT count(*) AS n FROM responses p
     WHERE p.status <> 'spam' AND p.is_own_reply = 0 AND ${received.sql}
       AND +p.review_id IN (SELECT r.id ${LIVE_REVIEWS})`,
    received.params
  ).n

  const ratings = all<{ rating: number; screenings: number; reviews: number }>(
    `WITH RECURSIVE buckets(rating) AS (SELECT 0.5 UNION ALL SELECT rating + 0.5 FROM buckets WHERE rating < 5),
       s AS (SELECT s.rating, count(*) AS n ${LIVE_SCREENINGS} AND ${seen.sql} GROUP BY s.rating),
       r AS (SELECT r.rating, count(*) AS n ${LIVE_REVIEWS} AND ${written.sql} GROUP BY r.rating)
     SELECT b.rating, coalesce(s.n, 0) AS screenings, coalesce(r.n, 0) AS reviews
     FROM buckets b LEFT JOIN s ON s.rating = b.rating LEFT JOIN r ON r.rating = b.rating ORDER BY b.rating`,
    [...seen.params, ...written.params]
  )
  const formats = all<{ format: ScreeningFormat; count: number }>(
    `SELECT s.format, count(*) AS count ${LIVE_SCREENINGS} AND ${seen.sql} GROUP BY s.format ORDER BY count DESC, s.format`,
    seen.params
  )
  const venues = all<{ venue: string; count: number }>(
    `SELECT min(trim(s.venue)) AS venue, count(*) AS count ${LIVE_SCREENINGS} AND ${seen.sql}
       AND trim(coalesce(s.venue, '')) <> ''
     GROUP BY trim(s.venue) COLLATE NOCASE ORDER BY count DESC, venue LIMIT 10`,
    seen.params
  )
  const statusCounts = new Map(
    all<{ status: ReviewStatus; count: number }>(
      `SELECT r.status, count(*) AS count ${LIVE_REVIEWS} AND ${written.sql} GROUP BY r.status`,
      written.params
    ).map((row) => [row.status, row.count])
  )
  const directors = all<{ director: string; screenings: number; films: number }>(
    `WITH per_film AS (SELECT s.work_id, count(*) AS n ${LIVE_SCREENINGS} AND ${seen.sql} GROUP BY s.work_id)
     SELECT d.value AS director, sum(per_film.n) AS screenings, count(*) AS films
     FROM per_film JOIN works w ON w.id = per_film.work_id, json_each(w.directors) d
     GROUP BY d.value ORDER BY screenings DESC, films DESC, director LIMIT 10`,
    seen.params
  )
  const years = db
    .prepare(
      `SELECT DISTINCT y FROM (${yearsOf('watched_on', 'screenings')} UNION ALL ${yearsOf('created_at', 'reviews')})
       ORDER BY y DESC`
    )
    .pluck()
    .all() as number[]

  return {
    year: scope.year,
    totals: { ...screeningTotals, ...reviewTotals, responses },
    screeningsPerMonth: perMonth(db, scope, 'count(*)', 's.watched_on', LIVE_SCREENINGS, seen),
    ratings,
    formats,
    venues,
    wordsPerMonth: perMonth(db, scope, 'sum(r.word_count)', 'r.created_at', LIVE_REVIEWS, written),
    reviewsByStatus: REVIEW_STATUSES.map((status) => ({ status, count: statusCounts.get(status) ?? 0 })),
    directors,
    years
  }
}

/**
 * One aggregate per month with empty months filled in: January to December for a year, else
 * from the first month with data to the last.
 */
export function perMonth(
  db: Db,
  scope: Scope,
  aggregate: string,
  dateColumn: string,
  from: string,
  window: { sql: string; params: string[] }
): MonthCount[] {
  const grouped = `SELECT substr(${dateColumn}, 1, 7) AS month, ${aggregate} AS count ${from} AND ${window.sql} GROUP BY 1`
  let first = scope.year === null ? null : `${scope.year}-01`
  let last = scope.year === null ? null : `${scope.year}-12`
  if (scope.year === null) {
    // Two seeks at the ends of the date index rather than a pass over every row.
    const span = db
      .prepare(
        `SELECT substr((SELECT min(${dateColumn}) ${from}), 1, 7) AS first,
                substr((SELECT max(${dateColumn}) ${from}), 1, 7) AS last`
      )
      .get() as { first: string | null; last: string | null }
    if (!span.first || !span.last) return []
    ;({ first, last } = span)
  }
  const months = monthsCte(first as string, last as string)
  return db
    .prepare(
      `${months.sql} SELECT months.month, coalesce(g.count, 0) AS count
       FROM months LEFT JOIN (${grouped}) g ON g.month = months.month ORDER BY months.month`
    )
    .all(...months.params, ...window.params) as MonthCount[]
}

/**
 * The distinct years of a date column over live rows, one index seek per year: from the
 * earliest date, jump to the first date of the next year, until there is none.
 */
function yearsOf(column: string, table: string): string {
  const first = (after: string) =>
    `(SELECT min(${column}) FROM ${table} WHERE deleted_at IS NULL AND ${column} >= ${after})`
  return `SELECT CAST(substr(d, 1, 4) AS INTEGER) AS y FROM (
      WITH RECURSIVE d(d) AS (
        SELECT ${first("''")} UNION ALL
        SELECT ${first('CAST(substr(d, 1, 4) + 1 AS TEXT)')} FROM d WHERE d IS NOT NULL
      ) SELECT d FROM d WHERE d IS NOT NULL)`
}
