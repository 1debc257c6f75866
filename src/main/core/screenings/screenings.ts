import type { Db } from '../db/connection'
import type { ReviewStatus, Screening, ScreeningFormat } from '../../../shared/domain'
import {
  isEmbargoBroken,
  type ScreeningEntry,
  type TrashedScreening
} from '../../../shared/contract/screenings'
import { SCREENING_TAGS, tagsByOwner } from '../tags/tags'
import { notFound } from '../context'

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

export interface DbScreeningEntry extends DbScreening {
  review_title: string | null
  review_status: ReviewStatus | null
  review_published_at: string | null
  deleted_at: string | null
}

export const SCREENING_SELECT = `SELECT s.*, w.title AS work_title, w.year AS work_year
  FROM screenings s JOIN works w ON w.id = s.work_id`

/** A screening with its film and the review it led to. */
export const ENTRY_SELECT = `SELECT s.*, w.title AS work_title, w.year AS work_year,
    r.title AS review_title, r.status AS review_status, r.published_at AS review_published_at
  FROM screenings s JOIN works w ON w.id = s.work_id LEFT JOIN reviews r ON r.id = s.review_id`

/** The diary's order: newest viewing first; ties keep the order they were logged in, reversed. */
export const DIARY_ORDER = 'ORDER BY s.watched_on DESC, s.watched_time DESC, s.created_at DESC, s.id DESC'

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

export function toEntry(row: DbScreeningEntry, tags: string[]): ScreeningEntry {
  return {
    ...toScreening(row, tags),
    reviewTitle: row.review_title,
    reviewStatus: row.review_status,
    reviewPublishedAt: row.review_published_at,
    embargoBroken: isEmbargoBroken(row.embargo_until, row.review_status, row.review_published_at)
  }
}

/** Maps rows to entries, fetching the tags of exactly these rows in one query. */
export function toEntries(db: Db, rows: DbScreeningEntry[]): ScreeningEntry[] {
  if (rows.length === 0) return []
  const tags = tagsByOwner(db, SCREENING_TAGS, rows.length > 2000 ? undefined : rows.map((r) => r.id))
  return rows.map((row) => toEntry(row, tags.get(row.id) ?? []))
}

/** Every live screening (or every one in the trash), newest viewing first. */
export function listScreenings(db: Db, scope: 'live' | 'trash' = 'live'): ScreeningEntry[] {
  const rows = db
    .prepare(`${ENTRY_SELECT} WHERE s.deleted_at IS ${scope === 'live' ? 'NULL' : 'NOT NULL'} ${DIARY_ORDER}`)
    .all() as DbScreeningEntry[]
  const entries = toEntries(db, rows)
  if (scope === 'live') return entries
  return entries.map(
    (entry, i) => ({ ...entry, deletedAt: rows[i].deleted_at as string }) satisfies TrashedScreening
  )
}

/** One screening, live or in the trash. */
export function getScreening(db: Db, id: string): ScreeningEntry {
  const row = db.prepare(`${ENTRY_SELECT} WHERE s.id = ?`).get(id) as DbScreeningEntry | undefined
  if (!row) throw notFound('screening', id)
  return toEntries(db, [row])[0]
}

/** The raw row of a live screening, or NOT_FOUND (a screening in the trash cannot be edited). */
export function liveScreeningRow(db: Db, id: string): DbScreeningEntry {
  const row = db.prepare(`${ENTRY_SELECT} WHERE s.id = ? AND s.deleted_at IS NULL`).get(id) as
    | DbScreeningEntry
    | undefined
  if (!row) throw notFound('screening', id)
  return row
}
