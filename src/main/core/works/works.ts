import { cachedStatement, type Db } from '../db/connection'
import type { Work } from '../../../shared/domain'
import { newId, now } from '../ids'
import { JournalFailure, notFound } from '../context'
import { insertWork, updateWork as updateWorkRow, type WorkRow } from '../stores/works'
import { inTransaction } from '../stores/write'

/** A `works` row as read back: the store's columns (see stores/works.ts) and its rid. */
export type DbWork = Omit<WorkRow, 'is_sample'> & { rid: number }

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
  inTransaction(db, () =>
    insertWork(db, {
      id,
      title: input.title.trim(),
      original_title: blankToNull(input.originalTitle),
      year: input.year ?? null,
      directors: JSON.stringify(cleanDirectors(input.directors)),
      runtime_minutes: input.runtimeMinutes ?? null,
      letterboxd_uri: normalizeLetterboxdUri(input.letterboxdUri),
      tmdb_id: blankToNull(input.tmdbId),
      imdb_id: normalizeImdbId(input.imdbId),
      source_key: input.sourceKey ?? null,
      is_sample: Boolean(input.isSample),
      created_at: input.createdAt ?? at,
      updated_at: input.updatedAt ?? at
    })
  )
  return getWork(db, id)
}

/** Changes the given fields of a film (undefined leaves a field as it is). */
export function updateWork(db: Db, id: string, changes: Partial<WorkFields>): Work {
  const current = getWork(db, id)
  const next = { ...current, ...definedOnly(changes) }
  const uri = normalizeLetterboxdUri(next.letterboxdUri)
  assertLetterboxdUriFree(db, uri, id)
  updateWorkRow(db, id, {
    title: next.title.trim(),
    original_title: blankToNull(next.originalTitle),
    year: next.year ?? null,
    directors: JSON.stringify(cleanDirectors(next.directors)),
    runtime_minutes: next.runtimeMinutes ?? null,
    letterboxd_uri: uri,
    tmdb_id: blankToNull(next.tmdbId),
    imdb_id: normalizeImdbId(next.imdbId),
    updated_at: now()
  })
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
