import type { LexicalDoc } from '../../../../../shared/domain'
import type { ImportRecord, ReviewRecord, ScreeningRecord, WorkRecord, WorkRef } from '../../records'
import { filmKey, filmUriOf, type FilmRow } from './filmRows'

/** A checked row with where it came from, for the report. */
export interface PlacedRow {
  row: FilmRow
  position: number
  /** "diary.csv line 12". */
  what: string
}

interface Film {
  title: string
  year: number | null
  uri: string | null
  tmdbId: string | null
  imdbId: string | null
  directors: string[]
  position: number
}

/**
 * Every row of an export as records, in the order the merger needs them: films first (found
 * by address, else title and year, or created), then reviews, then screenings linked to the
 * review of the same viewing. Keys come from the viewing's address (or film, date and order
 * when there is none), so importing the same export again changes nothing.
 */
export function letterboxdRecords(
  rows: PlacedRow[],
  htmlToDoc: (html: string) => LexicalDoc
): ImportRecord[] {
  const films = collectFilms(rows)
  const workOf = (row: FilmRow): WorkRef => {
    const film = films.get(filmKey(row))!
    return {
      title: film.title,
      year: film.year,
      letterboxdUri: film.uri,
      tmdbId: film.tmdbId,
      imdbId: film.imdbId,
      directors: film.directors
    }
  }
  const out: ImportRecord[] = [...films.values()].map(
    (f): WorkRecord => ({
      kind: 'work',
      position: f.position,
      title: f.title,
      year: f.year,
      directors: f.directors,
      letterboxdUri: f.uri,
      tmdbId: f.tmdbId,
      imdbId: f.imdbId
    })
  )
  const keys = new ViewingKeys()
  const reviewByViewing = new Map<string, string>()
  const screenings: ScreeningRecord[] = []
  const linked = new Set<string>()

  for (const { row, position } of rows) {
    if (!row.review.trim() || (row.kind !== 'reviews' && row.kind !== 'import')) continue
    const viewing = keys.next(row, 'review')
    const review: ReviewRecord = {
      kind: 'review',
      sourceKey: `letterboxd:review:${viewing}`,
      position,
      work: workOf(row),
      title: row.title,
      body: htmlToDoc(row.review),
      status: 'published',
      rating: row.rating,
      tags: row.tags,
      responsesClosed: false,
      outlet: 'Letterboxd',
      publishedUrl: row.kind === 'reviews' && row.uri ? row.uri : null,
      publishedAt: row.loggedOn ? `${row.loggedOn}T00:00:00.000Z` : null,
      ...(row.loggedOn ? { createdAt: `${row.loggedOn}T00:00:00.000Z` } : {})
    }
    out.push(review)
    for (const match of viewingMatches(row))
      if (!reviewByViewing.has(match)) reviewByViewing.set(match, review.sourceKey!)
    if (row.kind === 'import' && row.watchedOn)
      screenings.push(screening(row, position, workOf(row), keys.next(row, 'screening'), review.sourceKey!))
    if (row.kind === 'import') linked.add(review.sourceKey!)
  }

  for (const { row, position } of rows) {
    if (row.kind === 'diary' || (row.kind === 'import' && row.watchedOn && !row.review.trim())) {
      const reviewKey = findReview(reviewByViewing, row)
      if (reviewKey) linked.add(reviewKey)
      screenings.push(screening(row, position, workOf(row), keys.next(row, 'screening'), reviewKey))
    }
  }
  // A review whose viewing has no diary row (a partial export, a lone reviews.csv) still
  // records that viewing, under the key its diary row would have had.
  for (const { row, position } of rows) {
    if (row.kind !== 'reviews' || !row.review.trim() || !row.watchedOn) continue
    const reviewKey = findReview(reviewByViewing, row)!
    if (linked.has(reviewKey)) continue
    linked.add(reviewKey)
    screenings.push(
      screening(row, position, workOf(row), keys.next({ ...row, kind: 'diary' }, 'screening'), reviewKey)
    )
  }
  out.push(...screenings)
  out.push(...skips(rows))
  return out
}

function screening(
  row: FilmRow,
  position: number,
  work: WorkRef,
  viewing: string,
  reviewKey: string | null
): ScreeningRecord {
  return {
    kind: 'screening',
    sourceKey: `letterboxd:diary:${viewing}`,
    position,
    work,
    watchedOn: row.watchedOn!,
    venue: null,
    format: 'other',
    companions: [],
    rewatch: row.rewatch,
    rating: row.rating,
    tags: row.tags,
    notes: '',
    review: reviewKey ? { sourceKey: reviewKey } : null,
    ...(row.loggedOn ? { createdAt: `${row.loggedOn}T00:00:00.000Z` } : {})
  }
}

/** Rows that add nothing beyond their film, counted with the reason. */
function skips(rows: PlacedRow[]): ImportRecord[] {
  const logged = new Set(rows.filter((r) => r.row.kind === 'diary').map((r) => filmKey(r.row)))
  const out: ImportRecord[] = []
  for (const { row, position } of rows) {
    if (row.kind === 'watchlist')
      out.push({ kind: 'skip', type: 'other', position, reason: 'on the watchlist, not watched yet' })
    if (row.kind === 'ratings' && !logged.has(filmKey(row))) {
      out.push({
        kind: 'skip',
        type: 'other',
        position,
        reason: 'a rating without a diary date: the film was added, the rating was not'
      })
    }
  }
  return out
}

/** Films of every row but the watchlist, merged by title and year, with what each row adds. */
function collectFilms(rows: PlacedRow[]): Map<string, Film> {
  const films = new Map<string, Film>()
  for (const { row, position } of rows) {
    if (row.kind === 'watchlist') continue
    const key = filmKey(row)
    const film = films.get(key) ?? {
      title: row.title,
      year: row.year,
      uri: null,
      tmdbId: null,
      imdbId: null,
      directors: [],
      position
    }
    film.uri ??= filmUriOf(row)
    film.tmdbId ??= row.tmdbId
    film.imdbId ??= row.imdbId
    if (!film.directors.length) film.directors = row.directors
    films.set(key, film)
  }
  return films
}

/** How a diary row finds its review: the same viewing address, else the same film on the same day. */
function viewingMatches(row: FilmRow): string[] {
  const byFilm = `film:${filmKey(row)}:${row.watchedOn ?? ''}`
  return row.uri && (row.kind === 'diary' || row.kind === 'reviews') ? [`uri:${row.uri}`, byFilm] : [byFilm]
}

function findReview(reviews: Map<string, string>, row: FilmRow): string | null {
  for (const match of viewingMatches(row)) {
    const found = reviews.get(match)
    if (found) return found
  }
  return null
}

/**
 * Stable names for viewings: the address and date when the row has an address of its viewing,
 * else film, date and how many such rows came before (two screenings of one film in a day).
 */
class ViewingKeys {
  private seen = new Map<string, number>()

  next(row: FilmRow, what: 'review' | 'screening'): string {
    const hasViewingUri = row.uri && (row.kind === 'diary' || row.kind === 'reviews')
    const base = hasViewingUri
      ? `${row.uri}:${row.watchedOn ?? ''}`
      : `${row.kind === 'import' ? 'import:' : ''}${filmKey(row)}:${row.watchedOn ?? ''}`
    const n = (this.seen.get(`${what}:${base}`) ?? 0) + 1
    this.seen.set(`${what}:${base}`, n)
    return n === 1 ? base : `${base}:${n}`
  }
}
