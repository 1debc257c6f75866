import { cachedStatement, type Db } from '../db/connection'
import { recordChange, recordChanges } from './changeLog'

/**
 * The one writer of the film aggregate: `works` and the `work_aliases` a merge leaves behind.
 * Callers clean the values (see works/works.ts); every write records its change.
 */

export interface WorkRow {
  id: string
  title: string
  original_title: string | null
  year: number | null
  /** The JSON array of directors' names. */
  directors: string
  runtime_minutes: number | null
  letterboxd_uri: string | null
  tmdb_id: string | null
  imdb_id: string | null
  source_key: string | null
  is_sample: boolean
  created_at: string
  updated_at: string
}

export function insertWork(db: Db, row: WorkRow): void {
  cachedStatement(
    db,
    `INSERT INTO works (id, title, original_title, year, directors, runtime_minutes, letterboxd_uri,
       tmdb_id, imdb_id, source_key, is_sample, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    row.id,
    row.title,
    row.original_title,
    row.year,
    row.directors,
    row.runtime_minutes,
    row.letterboxd_uri,
    row.tmdb_id,
    row.imdb_id,
    row.source_key,
    row.is_sample ? 1 : 0,
    row.created_at,
    row.updated_at
  )
  recordChange(db, 'works', row.id, 'insert')
}

/** The columns of `works` a caller may set (the id, source key and creation time never change). */
export const WORK_COLUMNS = [
  'title',
  'original_title',
  'year',
  'directors',
  'runtime_minutes',
  'letterboxd_uri',
  'tmdb_id',
  'imdb_id',
  'source_key',
  'is_sample',
  'updated_at'
] as const
export type WorkColumn = (typeof WORK_COLUMNS)[number]
export type WorkColumns = Partial<Record<WorkColumn, string | number | null>>

/** Sets the given columns of one film; answers how many rows changed. */
export function updateWork(db: Db, id: string, columns: WorkColumns): number {
  // Checked at run time too: the names are spliced into the SQL.
  const names = Object.keys(columns) as WorkColumn[]
  for (const name of names)
    if (!WORK_COLUMNS.includes(name)) throw new Error(`works has no writable column ${name}`)
  if (names.length === 0) return 0
  const changed = cachedStatement(
    db,
    `UPDATE works SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`
  ).run(...names.map((n) => columns[n] ?? null), id).changes
  if (changed) recordChange(db, 'works', id, 'update')
  return changed
}

/**
 * Removes a film merged into `keepId`: its aliases and the film's own id and source key become
 * aliases of the kept film (so old archives still resolve to it), then the row goes.
 */
export function foldWorkInto(
  db: Db,
  work: { id: string; source_key: string | null },
  keepId: string,
  at: string
): void {
  cachedStatement(db, 'UPDATE work_aliases SET work_id = ? WHERE work_id = ?').run(keepId, work.id)
  const alias = cachedStatement(
    db,
    'INSERT OR REPLACE INTO work_aliases (alias, work_id, created_at) VALUES (?, ?, ?)'
  )
  alias.run(`id:${work.id}`, keepId, at)
  if (work.source_key) alias.run(`source:${work.source_key}`, keepId, at)
  cachedStatement(db, 'DELETE FROM works WHERE id = ?').run(work.id)
  recordChange(db, 'works', work.id, 'delete')
  recordChange(db, 'works', keepId, 'update')
}

/** Removes the sample's films that nothing of the critic's own uses any more; answers how many. */
export function deleteUnusedSampleWorks(db: Db): number {
  const ids = db
    .prepare(
      `DELETE FROM works WHERE is_sample = 1
         AND id NOT IN (SELECT work_id FROM screenings) AND id NOT IN (SELECT work_id FROM reviews WHERE work_id IS NOT NULL)
       RETURNING id`
    )
    .pluck()
    .all() as string[]
  recordChanges(db, 'works', ids, 'delete')
  return ids.length
}

/**
 * Deletes one film for good (sync lands another device's deletion); answers whether it went.
 * A film that screenings still use stays: the schema forbids orphaning them.
 */
export function deleteWork(db: Db, id: string): boolean {
  if (cachedStatement(db, 'SELECT 1 FROM screenings WHERE work_id = ? LIMIT 1').get(id)) return false
  if (!cachedStatement(db, 'DELETE FROM works WHERE id = ?').run(id).changes) return false
  recordChange(db, 'works', id, 'delete')
  return true
}
