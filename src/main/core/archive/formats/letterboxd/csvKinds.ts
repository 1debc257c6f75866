import { ImportFault } from '../types'

/** The Letterboxd files this app reads, and our own export in Letterboxd's import format. */
export type LetterboxdKind = 'diary' | 'reviews' | 'ratings' | 'watched' | 'watchlist' | 'likes' | 'import'

interface KindSpec {
  /** Columns without which the file means nothing. */
  required: string[]
  /** Every other column Letterboxd writes in this file. */
  optional: string[]
}

const LOGGED = ['Date', 'Letterboxd URI']

/**
 * Columns of each file as Letterboxd's export writes them (and, for `import`, the columns of
 * Letterboxd's own import format, which our export writes). Anything else is refused by name:
 * a file with columns we do not know is not one we can read faithfully.
 */
export const KINDS: Record<LetterboxdKind, KindSpec> = {
  diary: { required: ['Name', 'Year', 'Watched Date'], optional: [...LOGGED, 'Rating', 'Rewatch', 'Tags'] },
  reviews: {
    required: ['Name', 'Year', 'Review'],
    optional: [...LOGGED, 'Rating', 'Rewatch', 'Tags', 'Watched Date']
  },
  ratings: { required: ['Name', 'Year', 'Rating'], optional: LOGGED },
  watched: { required: ['Name', 'Year'], optional: LOGGED },
  watchlist: { required: ['Name', 'Year'], optional: LOGGED },
  likes: { required: ['Name', 'Year'], optional: LOGGED },
  import: {
    required: ['Title'],
    optional: [
      'Year',
      'Rating',
      'Rating10',
      'WatchedDate',
      'Rewatch',
      'Tags',
      'Review',
      'LetterboxdURI',
      'tmdbID',
      'imdbID',
      'Directors'
    ]
  }
}

/** Where each file sits in an export (relative to its top folder). */
export const EXPORT_FILES: Record<string, LetterboxdKind> = {
  'diary.csv': 'diary',
  'reviews.csv': 'reviews',
  'ratings.csv': 'ratings',
  'watched.csv': 'watched',
  'watchlist.csv': 'watchlist',
  'likes/films.csv': 'likes'
}

/** The kind of a lone CSV: by its name when Letterboxd's, else by its columns. */
export function kindOfCsv(fileName: string, headers: string[]): LetterboxdKind | null {
  const byName = EXPORT_FILES[fileName.toLowerCase()]
  if (byName) return byName
  const has = (h: string) => headers.includes(h)
  if (has('Title') || has('LetterboxdURI')) return 'import'
  if (!has('Name')) return null
  if (has('Review')) return 'reviews'
  if (has('Watched Date')) return 'diary'
  if (has('Rating')) return 'ratings'
  return 'watched'
}

/** Refuses a header row that lacks a needed column or has one Letterboxd does not write. */
export function checkHeaders(label: string, kind: LetterboxdKind, headers: string[]): void {
  const spec = KINDS[kind]
  const known = new Set([...spec.required, ...spec.optional])
  const missing = spec.required.filter((h) => !headers.includes(h))
  const unknown = headers.filter((h) => !known.has(h))
  const duplicate = headers.filter((h, i) => headers.indexOf(h) !== i)
  const problems: string[] = []
  if (missing.length)
    problems.push(`is missing the column${missing.length > 1 ? 's' : ''} ${quoteList(missing)}`)
  if (unknown.length)
    problems.push(
      `has column${unknown.length > 1 ? 's' : ''} Letterboxd does not write: ${quoteList(unknown)}`
    )
  if (duplicate.length) problems.push(`names ${quoteList([...new Set(duplicate)])} twice`)
  if (problems.length) {
    throw new ImportFault(
      `${label} ${problems.join(', and ')}. Expected the columns ${quoteList(spec.required)} (and optionally ${quoteList(spec.optional)}). Nothing was imported.`
    )
  }
}

function quoteList(names: string[]): string {
  return names.map((n) => `"${n}"`).join(', ')
}
