import type { Db } from '../db/connection'
import type { Screening, ScreeningFormat } from '../../../shared/domain'
import { SCREENING_TAGS, tagsByOwner } from '../tags/tags'

export interface DbScreening {
  id: string
  work_id: string
  work_title: string
  work_year: number | null
  watched_on: string
  watched_time: string | null
  venue: string | null
  format: ScreeningFormat
  format_detail: string | null
  companions: string
  rewatch: number
  walked_out: number
  rating: number | null
  notes: string
  embargo_until: string | null
  review_id: string | null
  created_at: string
  updated_at: string
}

export const SCREENING_SELECT = `SELECT s.*, w.title AS work_title, w.year AS work_year
  FROM screenings s JOIN works w ON w.id = s.work_id`

export function toScreening(row: DbScreening, tags: string[]): Screening {
  return {
    id: row.id,
    workId: row.work_id,
    workTitle: row.work_title,
    workYear: row.work_year,
    watchedOn: row.watched_on,
    watchedTime: row.watched_time,
    venue: row.venue,
    format: row.format,
    formatDetail: row.format_detail,
    companions: JSON.parse(row.companions) as string[],
    rewatch: row.rewatch === 1,
    walkedOut: row.walked_out === 1,
    rating: row.rating,
    tags,
    notes: row.notes,
    embargoUntil: row.embargo_until,
    reviewId: row.review_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

/** Every live screening, newest viewing first. */
export function listScreenings(db: Db): Screening[] {
  const rows = db
    .prepare(`${SCREENING_SELECT} WHERE s.deleted_at IS NULL ORDER BY s.watched_on DESC, s.watched_time DESC, s.created_at DESC`)
    .all() as DbScreening[]
  const tags = tagsByOwner(db, SCREENING_TAGS)
  return rows.map((row) => toScreening(row, tags.get(row.id) ?? []))
}
