import { cachedStatement, type Db } from '../db/connection'
import type { Work } from '../../../shared/domain'
import type { WorkRef } from '../archive/records'
import { JournalFailure } from '../context'
import {
  createWork,
  normalizeImdbId,
  normalizeLetterboxdUri,
  toWork,
  updateWork,
  type DbWork,
  type WorkFields
} from './works'
import { titleKey, titleWords } from './titleKey'

export interface ResolvedWork {
  work: Work
  /** True when no film matched and a new one was added. */
  created: boolean
}

type DescribedRef = Exclude<WorkRef, { id: string } | { sourceKey: string }>

/**
 * Finds the film a record names, offline, or creates it. In order: our id or the source's key;
 * then the Letterboxd address, the TMDB id, the IMDb id; then title and year (accents, case and
 * punctuation ignored, matched against the title or the original title). A film found by title
 * gains the ids it lacked, so the next import finds it by id. Call inside the caller's transaction.
 */
export function findOrCreateWork(db: Db, ref: WorkRef): ResolvedWork {
  if ('id' in ref) return { work: byReference(db, 'id', ref.id), created: false }
  if ('sourceKey' in ref) return { work: byReference(db, 'source_key', ref.sourceKey), created: false }
  if (!ref.title.trim()) {
    throw new JournalFailure('INVALID_INPUT', 'A film needs a title.', { title: 'A film needs a title' })
  }
  const found = byExternalId(db, ref) ?? byTitleAndYear(db, ref.title, ref.year)
  if (found) return { work: fillMissing(db, found, ref), created: false }
  const work = createWork(db, {
    title: ref.title,
    year: ref.year,
    directors: ref.directors,
    letterboxdUri: ref.letterboxdUri,
    tmdbId: ref.tmdbId,
    imdbId: ref.imdbId
  })
  return { work, created: true }
}

/**
 * The film with our id or the source's key, following the aliases a merge left behind.
 * Throws NOT_FOUND when there is none (a reference carries no title to create one from).
 */
export function byReference(db: Db, column: 'id' | 'source_key', value: string): Work {
  const alias = `${column === 'id' ? 'id' : 'source'}:${value}`
  const row = (cachedStatement(db, `SELECT * FROM works WHERE ${column} = ?`).get(value) ??
    cachedStatement(
      db,
      'SELECT w.* FROM work_aliases a JOIN works w ON w.id = a.work_id WHERE a.alias = ?'
    ).get(alias)) as DbWork | undefined
  if (!row) {
    const what = column === 'id' ? `id ${value}` : `source key ${value}`
    throw new JournalFailure('NOT_FOUND', `No film with ${what} exists in this journal.`)
  }
  return toWork(row)
}

function byExternalId(db: Db, ref: DescribedRef): DbWork | undefined {
  const uri = normalizeLetterboxdUri(ref.letterboxdUri)
  if (uri) {
    const row = cachedStatement(db, 'SELECT * FROM works WHERE letterboxd_uri IN (?, ?)').get(uri, `${uri}/`)
    if (row) return row as DbWork
  }
  const tmdb = ref.tmdbId?.trim()
  if (tmdb) {
    const row = cachedStatement(db, 'SELECT * FROM works WHERE tmdb_id = ? ORDER BY rid LIMIT 1').get(tmdb)
    if (row) return row as DbWork
  }
  const imdb = normalizeImdbId(ref.imdbId)
  if (imdb) {
    const row = cachedStatement(db, 'SELECT * FROM works WHERE lower(imdb_id) = ? ORDER BY rid LIMIT 1').get(
      imdb
    )
    if (row) return row as DbWork
  }
  return undefined
}

/** Upper bound on title candidates read from the index; a real title has a handful. */
const MAX_CANDIDATES = 500

/**
 * Candidates come from the full-text index (which already folds accents and case), then are
 * checked exactly by `titleKey`. The same year wins; a film of unknown year matches any year
 * only when it is the one film of that title.
 */
export function byTitleAndYear(db: Db, title: string, year: number | null): DbWork | undefined {
  const key = titleKey(title)
  const same = titleCandidates(db, title).filter(
    (w) => titleKey(w.title) === key || (w.original_title !== null && titleKey(w.original_title) === key)
  )
  const sameYear = same.filter((w) => w.year === year)
  if (sameYear.length) return sameYear[0]
  if (same.length === 1 && (year === null || same[0].year === null)) return same[0]
  return undefined
}

function titleCandidates(db: Db, title: string): DbWork[] {
  const words = titleWords(title)
  if (!words.length) {
    return cachedStatement(db, 'SELECT * FROM works WHERE title = ? COLLATE NOCASE ORDER BY rid').all(
      title.trim()
    ) as DbWork[]
  }
  // Each word is quoted, so nothing in a title is read as query syntax.
  const query = `{title body} : (${words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' AND ')})`
  return cachedStatement(
    db,
    `SELECT w.* FROM works_fts f JOIN works w ON w.rid = f.rowid
       WHERE works_fts MATCH ? ORDER BY w.rid LIMIT ${MAX_CANDIDATES}`
  ).all(query) as DbWork[]
}

/** Adds ids and directors the matched film lacked; never overwrites what the critic entered. */
function fillMissing(db: Db, row: DbWork, ref: DescribedRef): Work {
  const work = toWork(row)
  const changes: Partial<WorkFields> = {}
  const uri = normalizeLetterboxdUri(ref.letterboxdUri)
  if (!work.letterboxdUri && uri && !uriTaken(db, uri)) changes.letterboxdUri = uri
  if (!work.tmdbId && ref.tmdbId?.trim()) changes.tmdbId = ref.tmdbId
  if (!work.imdbId && normalizeImdbId(ref.imdbId)) changes.imdbId = ref.imdbId
  if (work.year === null && ref.year !== null) changes.year = ref.year
  if (!work.directors.length && ref.directors?.length) changes.directors = ref.directors
  return Object.keys(changes).length ? updateWork(db, work.id, changes) : work
}

function uriTaken(db: Db, uri: string): boolean {
  return (
    cachedStatement(db, 'SELECT 1 FROM works WHERE letterboxd_uri IN (?, ?)').get(uri, `${uri}/`) !==
    undefined
  )
}
