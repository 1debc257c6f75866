import { cachedStatement, type Db } from '../db/connection'
import type { Work } from '../../../shared/domain'
import { newId, now } from '../ids'
import { JournalFailure, notFound } from '../context'

export interface DbWork {
  rid: number
  id: string
  title: string
  original_title: string | null
  year: number | null
  directors: string
  runtime_minutes: number | null
  letterboxd_uri: string | null
  tmdb_id: string | null
  imdb_id: string | null
  source_key: string | null
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
  const row = cachedStatement(db, 'SELECT * FROM works WHERE id = ?').get(id) as DbWork | undefined
  if (!row) throw notFound('film', id)
  return toWork(row)
}

/** Every field a film can carry; all optional but the title. */
export interface WorkFields {
  title: string
  originalTitle?: string | null
  year?: number | null
  directors?: string[]
  runtimeMinutes?: number | null
  letterboxdUri?: string | null
  tmdbId?: string | null
  imdbId?: string | null
}

export interface NewWork extends WorkFields {
  /** Our id when it comes from our own archive; a new UUIDv7 otherwise. */
  id?: string
  sourceKey?: string | null
  isSample?: boolean
  createdAt?: string
  updatedAt?: string
}

/** Blank strings mean "not known": stored as NULL so that UNIQUE ids never clash on ''. */
function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim()
  return trimmed ? trimmed : null
}

/** IMDb ids are written `tt0111161`; a pasted IMDb address is reduced to that. */
export function normalizeImdbId(value: string | null | undefined): string | null {
  const raw = blankToNull(value)
  if (!raw) return null
  const match = /tt\d+/i.exec(raw)
  return match ? match[0].toLowerCase() : raw
}

/** Letterboxd addresses are compared without a trailing slash. */
export function normalizeLetterboxdUri(value: string | null | undefined): string | null {
  const raw = blankToNull(value)
  return raw ? raw.replace(/\/+$/, '') : null
}

function cleanDirectors(directors: string[] | undefined): string[] {
  return (directors ?? []).map((d) => d.trim()).filter((d) => d.length > 0)
}

/** Inserts a film. A Letterboxd address already on another film is a CONFLICT naming the field. */
export function createWork(db: Db, input: NewWork): Work {
  const id = input.id ?? newId()
  const at = now()
  assertLetterboxdUriFree(db, normalizeLetterboxdUri(input.letterboxdUri), null)
  cachedStatement(
    db,
    `INSERT INTO works (id, title, original_title, year, directors, runtime_minutes, letterboxd_uri,
       tmdb_id, imdb_id, source_key, is_sample, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    id,
    input.title.trim(),
    blankToNull(input.originalTitle),
    input.year ?? null,
    JSON.stringify(cleanDirectors(input.directors)),
    input.runtimeMinutes ?? null,
    normalizeLetterboxdUri(input.letterboxdUri),
    blankToNull(input.tmdbId),
    normalizeImdbId(input.imdbId),
    input.sourceKey ?? null,
    input.isSample ? 1 : 0,
    input.createdAt ?? at,
    input.updatedAt ?? at
  )
  return getWork(db, id)
}

/** Changes the given fields of a film (undefined leaves a field as it is). */
export function updateWork(db: Db, id: string, changes: Partial<WorkFields>): Work {
  const current = getWork(db, id)
  const next = { ...current, ...definedOnly(changes) }
  const uri = normalizeLetterboxdUri(next.letterboxdUri)
  assertLetterboxdUriFree(db, uri, id)
  cachedStatement(
    db,
    `UPDATE works SET title = ?, original_title = ?, year = ?, directors = ?, runtime_minutes = ?,
       letterboxd_uri = ?, tmdb_id = ?, imdb_id = ?, updated_at = ? WHERE id = ?`
  ).run(
    next.title.trim(),
    blankToNull(next.originalTitle),
    next.year ?? null,
    JSON.stringify(cleanDirectors(next.directors)),
    next.runtimeMinutes ?? null,
    uri,
    blankToNull(next.tmdbId),
    normalizeImdbId(next.imdbId),
    now(),
    id
  )
  return getWork(db, id)
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<T>
}

function assertLetterboxdUriFree(db: Db, uri: string | null, exceptId: string | null): void {
  if (!uri) return
  const other = db
    .prepare('SELECT id, title FROM works WHERE letterboxd_uri = ? AND id IS NOT ?')
    .get(uri, exceptId) as { id: string; title: string } | undefined
  if (other) {
    const message = `That Letterboxd address already belongs to “${other.title}”. Merge the two films instead.`
    throw new JournalFailure('CONFLICT', message, { letterboxdUri: message })
  }
}
