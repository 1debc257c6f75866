import { isCalendarDate, ratingSchema } from '../../../../../shared/domain'
import type { LetterboxdKind } from './csvKinds'

/** One row of any Letterboxd file, checked and in our terms. */
export interface FilmRow {
  kind: LetterboxdKind
  title: string
  year: number | null
  /** The row's own address: a viewing (diary, reviews) or a film (the others, and `import`). */
  uri: string | null
  /** When the row was logged (Letterboxd's "Date"). */
  loggedOn: string | null
  watchedOn: string | null
  rating: number | null
  rewatch: boolean
  tags: string[]
  review: string
  tmdbId: string | null
  imdbId: string | null
  directors: string[]
}

/** A row that cannot be read, with the reason in words. */
export class RowError extends Error {}

/**
 * A CSV row (cells by column) as a FilmRow. Both Letterboxd's export columns ("Name",
 * "Watched Date") and its import format's ("Title", "WatchedDate") are read, so our own
 * Letterboxd export imports back.
 */
export function toFilmRow(kind: LetterboxdKind, cells: Record<string, string>): FilmRow {
  const cell = (...names: string[]) => {
    for (const name of names) {
      const value = cells[name]
      if (value !== undefined) return unguard(value).trim()
    }
    return ''
  }
  const title = cell('Name', 'Title')
  if (!title) throw new RowError('the film has no title')
  const rating10 = cell('Rating10')
  return {
    kind,
    title,
    year: yearOf(cell('Year')),
    uri: cell('Letterboxd URI', 'LetterboxdURI') || null,
    loggedOn: dateOf(cell('Date'), 'Date'),
    watchedOn: dateOf(cell('Watched Date', 'WatchedDate'), 'Watched Date'),
    rating:
      rating10 && !cell('Rating')
        ? ratingOf(String(Number(rating10) / 2), rating10)
        : ratingOf(cell('Rating'), cell('Rating')),
    rewatch: /^(yes|true|1)$/i.test(cell('Rewatch')),
    tags: cell('Tags')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    review: unguard(cells.Review ?? ''),
    tmdbId: cell('tmdbID') || null,
    imdbId: cell('imdbID') || null,
    directors: cell('Directors')
      .split(',')
      .map((d) => d.trim())
      .filter(Boolean)
  }
}

function yearOf(text: string): number | null {
  if (!text) return null
  const year = Number(text)
  if (!Number.isInteger(year) || year < 1870 || year > 2200)
    throw new RowError(`the year "${text}" is not a film year`)
  return year
}

function dateOf(text: string, column: string): string | null {
  if (!text) return null
  if (!isCalendarDate(text)) throw new RowError(`the ${column} "${text}" is not a date (YYYY-MM-DD)`)
  return text
}

function ratingOf(text: string, shown: string): number | null {
  if (!text) return null
  const parsed = ratingSchema.safeParse(Number(text))
  if (!parsed.success || Number.isNaN(Number(text)))
    throw new RowError(`the rating "${shown}" is not between 0.5 and 5 in half stars`)
  return parsed.data
}

// Our export guards cells against spreadsheet formulas with a leading apostrophe; take it off.
function unguard(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value
}

/**
 * The film's own address for a row, when it can be known offline: ratings, watched, likes and
 * the import format carry it; a diary or review row carries its viewing, which names the film
 * only in the long form ("letterboxd.com/<user>/film/<slug>/"), not as a boxd.it short link.
 */
export function filmUriOf(row: FilmRow): string | null {
  if (!row.uri) return null
  if (row.kind !== 'diary' && row.kind !== 'reviews') return row.uri
  const m = /^https?:\/\/(?:www\.)?letterboxd\.com\/[^/]+\/film\/([^/]+)/i.exec(row.uri)
  return m ? `https://letterboxd.com/film/${m[1]}/` : null
}

/** Identity of a film inside one import: its title and year, case and spacing ignored. */
export function filmKey(row: { title: string; year: number | null }): string {
  return `${row.title.toLowerCase().replace(/\s+/g, ' ')}|${row.year ?? ''}`
}
