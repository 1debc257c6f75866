import { cachedStatement, type Db } from '../db/connection'
import { recordChange, recordChanges } from './changeLog'

/**
 * The one writer of `screenings` (their tags through ./tags). Every write records its change;
 * a screening that a review's deletion unlinks is recorded by the review store.
 */

/** Every column of a new screening; absent ones take the schema's defaults. */
export interface NewScreeningRow {
  id: string
  work_id: string
  watched_on: string
  watched_time?: string | null
  venue?: string | null
  format?: string
  format_detail?: string | null
  /** The JSON array of companions' names. */
  companions?: string
  rewatch?: boolean
  walked_out?: boolean
  rating?: number | null
  notes?: string
  embargo_until?: string | null
  review_id?: string | null
  source_key?: string | null
  is_sample?: boolean
  created_at: string
  updated_at: string
  deleted_at?: string | null
}

export function insertScreening(db: Db, row: NewScreeningRow): void {
  cachedStatement(
    db,
    `INSERT INTO screenings (id, work_id, watched_on, watched_time, venue, format, format_detail, companions,
       rewatch, walked_out, rating, notes, embargo_until, review_id, source_key, is_sample, created_at,
       updated_at, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    row.id,
    row.work_id,
    row.watched_on,
    row.watched_time ?? null,
    row.venue ?? null,
    row.format ?? 'cinema',
    row.format_detail ?? null,
    row.companions ?? '[]',
    row.rewatch ? 1 : 0,
    row.walked_out ? 1 : 0,
    row.rating ?? null,
    row.notes ?? '',
    row.embargo_until ?? null,
    row.review_id ?? null,
    row.source_key ?? null,
    row.is_sample ? 1 : 0,
    row.created_at,
    row.updated_at,
    row.deleted_at ?? null
  )
  recordChange(db, 'screenings', row.id, 'insert')
}

/** The columns of `screenings` a caller may set (the id, source key and creation time never change). */
export const SCREENING_COLUMNS = [
  'work_id',
  'watched_on',
  'watched_time',
  'venue',
  'format',
  'format_detail',
  'companions',
  'rewatch',
  'walked_out',
  'rating',
  'notes',
  'embargo_until',
  'review_id',
  'is_sample',
  'updated_at',
  'deleted_at'
] as const
export type ScreeningColumn = (typeof SCREENING_COLUMNS)[number]
export type ScreeningColumns = Partial<Record<ScreeningColumn, string | number | null>>

/** Conditions an update may add: only a screening still live, or only one in the trash. */
const ONLY = { live: 'deleted_at IS NULL', trashed: 'deleted_at IS NOT NULL' } as const

/**
 * Sets the given columns of one screening, when it is `only` live or trashed if that is given.
 * Answers how many rows changed: 0 when it is missing or the condition failed.
 */
export function updateScreening(
  db: Db,
  id: string,
  columns: ScreeningColumns,
  only?: keyof typeof ONLY
): number {
  // Checked at run time too: the names are spliced into the SQL.
  const names = Object.keys(columns) as ScreeningColumn[]
  for (const name of names)
    if (!SCREENING_COLUMNS.includes(name)) throw new Error(`screenings has no writable column ${name}`)
  if (names.length === 0) return 0
  const where = only ? ONLY[only] : ''
  const changed = cachedStatement(
    db,
    `UPDATE screenings SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?${where ? ` AND ${where}` : ''}`
  ).run(...names.map((n) => columns[n] ?? null), id).changes
  if (changed) recordChange(db, 'screenings', id, 'update')
  return changed
}

/** Marks as rewatches the live, later viewings of a film, except `selfId`. */
export function markLaterViewingsRewatched(
  db: Db,
  workId: string,
  watchedOn: string,
  selfId: string,
  at: string
): void {
  const ids = cachedStatement(
    db,
    `UPDATE screenings SET rewatch = 1, updated_at = ?
     WHERE work_id = ? AND deleted_at IS NULL AND rewatch = 0 AND watched_on > ? AND id <> ? RETURNING id`
  )
    .pluck()
    .all(at, workId, watchedOn, selfId) as string[]
  recordChanges(db, 'screenings', ids, 'update')
}

/** Moves every screening of `fromWorkId` to `toWorkId` (a merge of films); answers how many. */
export function moveScreeningsToWork(db: Db, fromWorkId: string, toWorkId: string, at: string): number {
  const ids = cachedStatement(
    db,
    'UPDATE screenings SET work_id = ?, updated_at = ? WHERE work_id = ? RETURNING id'
  )
    .pluck()
    .all(toWorkId, at, fromWorkId) as string[]
  recordChanges(db, 'screenings', ids, 'update')
  return ids.length
}

/** Deletes one screening for good, or every screening of the sample journal; answers how many. */
export function deleteScreenings(db: Db, which: { id: string } | 'sample'): number {
  const ids = (
    which === 'sample'
      ? cachedStatement(db, 'DELETE FROM screenings WHERE is_sample = 1 RETURNING id').pluck().all()
      : cachedStatement(db, 'DELETE FROM screenings WHERE id = ? RETURNING id').pluck().all(which.id)
  ) as string[]
  recordChanges(db, 'screenings', ids, 'delete')
  return ids.length
}
