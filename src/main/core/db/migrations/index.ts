import { initialSchema } from './001-initial-schema'
import { screeningsDiaryOrder } from './003-screenings-diary-order'
import { responseInboxIndexes } from './004-response-inbox-indexes'
import { searchAndFilmAliases } from './006-search-and-film-aliases'
import { statisticsIndexes } from './007-statistics-indexes'
import { searchIndexPerKind } from './008-search-index-per-kind'
import { reviewStandfirstAndPassword } from './009-review-standfirst-and-password'

export interface Migration {
  id: number
  name: string
  sql: string
}

/**
 * Append-only: never edit or reorder a migration that has shipped; add the next number.
 * A journal whose applied list is not a prefix of this list refuses to open.
 */
export const MIGRATIONS: Migration[] = [
  { id: 1, name: 'initial-schema', sql: initialSchema },
  { id: 3, name: 'screenings-diary-order', sql: screeningsDiaryOrder },
  { id: 4, name: 'response-inbox-indexes', sql: responseInboxIndexes },
  { id: 6, name: 'search-and-film-aliases', sql: searchAndFilmAliases },
  { id: 7, name: 'statistics-indexes', sql: statisticsIndexes },
  { id: 8, name: 'search-index-per-kind', sql: searchIndexPerKind },
  { id: 9, name: 'review-standfirst-and-password', sql: reviewStandfirstAndPassword }
]
