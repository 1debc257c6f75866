import type { Db } from '../db/connection'
import type { Work } from '../../../shared/domain'
import { newId, now } from '../ids'
import { notFound } from '../context'

export interface DbWork {
  id: string
  title: string
  original_title: string | null
  year: number | null
  directors: string
  runtime_minutes: number | null
  letterboxd_uri: string | null
  tmdb_id: string | null
  imdb_id: string | null
  created_at: string
  updated_at: string
}

export function toWork(row: DbWork): Work {
  return {
    id: row.id,
    title: row.title,
    originalTitle: row.original_title,
    year: row.year,
    directors: JSON.parse(row.directors) as string[],
    runtimeMinutes: row.runtime_minutes,
    letterboxdUri: row.letterboxd_uri,
    tmdbId: row.tmdb_id,
    imdbId: row.imdb_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

export function listWorks(db: Db): Work[] {
  const rows = db.prepare('SELECT * FROM works ORDER BY title COLLATE NOCASE, year').all() as DbWork[]
  return rows.map(toWork)
}

export function getWork(db: Db, id: string): Work {
  const row = db.prepare('SELECT * FROM works WHERE id = ?').get(id) as DbWork | undefined
  if (!row) throw notFound('film', id)
  return toWork(row)
}

export interface NewWork {
  title: string
  year?: number | null
  directors?: string[]
  isSample?: boolean
}

export function createWork(db: Db, input: NewWork): Work {
  const id = newId()
  const at = now()
  db.prepare(
    `INSERT INTO works (id, title, year, directors, is_sample, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`
  ).run(id, input.title.trim(), input.year ?? null, JSON.stringify(input.directors ?? []), input.isSample ? 1 : 0, at, at)
  return getWork(db, id)
}
