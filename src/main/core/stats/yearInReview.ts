import type { Db } from '../db/connection'
import type { RatedFilm, YearInReview } from '../../../shared/contract/stats'
import { perMonth } from './overview'
import { within } from './scope'

/**
 * One year of the journal: films seen, first-time viewings against rewatches, the best-rated
 * films, the longest review written and the busiest month.
 */
export function yearInReview(db: Db, year: number): YearInReview {
  const scope = { year }
  const seen = within('s.watched_on', scope)
  const written = within('r.created_at', scope)
  const counts = db
    .prepare(
      `SELECT count(*) AS screenings, count(DISTINCT s.work_id) AS filmsSeen,
         coalesce(sum(s.rewatch = 0), 0) AS firstTime, coalesce(sum(s.rewatch = 1), 0) AS rewatches
       FROM screenings s WHERE s.deleted_at IS NULL AND ${seen.sql}`
    )
    .get(...seen.params) as Pick<YearInReview, 'screenings' | 'filmsSeen' | 'firstTime' | 'rewatches'>
  const writing = db
    .prepare(
      `SELECT count(*) AS reviewsWritten, coalesce(sum(r.word_count), 0) AS wordsWritten
       FROM reviews r WHERE r.deleted_at IS NULL AND ${written.sql}`
    )
    .get(...written.params) as Pick<YearInReview, 'reviewsWritten' | 'wordsWritten'>
  // A film's rating for the year: its best screening rating that year, else its review's.
  const topRated = db
    .prepare(
      `SELECT workId, title, year, best AS rating FROM (SELECT w.id AS workId, w.title, w.year, max(coalesce(s.rating, r.rating)) AS best
       FROM screenings s JOIN works w ON w.id = s.work_id
       LEFT JOIN reviews r ON r.id = s.review_id AND r.deleted_at IS NULL
       WHERE s.deleted_at IS NULL AND ${seen.sql}
       GROUP BY w.id HAVING best IS NOT NULL
       ORDER BY best DESC, count(*) DESC, w.title COLLATE NOCASE LIMIT 5)`
    )
    .all(...seen.params) as RatedFilm[]
  const longest = db
    .prepare(
      `SELECT r.id, coalesce(nullif(trim(r.title), ''), w.title, 'Untitled review') AS title, r.word_count AS wordCount
       FROM reviews r LEFT JOIN works w ON w.id = r.work_id
       WHERE r.deleted_at IS NULL AND r.word_count > 0 AND ${written.sql}
       ORDER BY r.word_count DESC, r.created_at LIMIT 1`
    )
    .get(...written.params) as YearInReview['longestReview'] | undefined
  const months = perMonth(
    db,
    scope,
    'count(*)',
    's.watched_on',
    'FROM screenings s WHERE s.deleted_at IS NULL',
    seen
  )
  const busiest = months.reduce<YearInReview['busiestMonth']>(
    (best, m) => (m.count > (best?.count ?? 0) ? m : best),
    null
  )
  return { year, ...counts, ...writing, topRated, longestReview: longest ?? null, busiestMonth: busiest }
}
