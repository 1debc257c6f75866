import type { Db } from '../db/connection'
import type { MergeResult } from '../../../shared/contract/works'
import { JournalFailure } from '../context'
import { now } from '../ids'
import { getWorkSummary } from './catalogue'
import type { DbWork } from './works'
import { moveScreeningsToWork } from '../stores/screenings'
import { moveReviewsToWork } from '../stores/reviews'
import { foldWorkInto, updateWork } from '../stores/works'

/** Fields a kept film takes from a merged one when it has none of its own. */
const FILLABLE = [
  'original_title',
  'year',
  'runtime_minutes',
  'letterboxd_uri',
  'tmdb_id',
  'imdb_id',
  'source_key'
] as const

/**
 * Folds `mergeIds` into `keepId`: their screenings and reviews (trashed ones too) move to the
 * kept film, which gains the ids, directors and details it lacked; the merged films' ids and
 * source keys become aliases of it (so old archives still resolve); then they are removed.
 * Call inside a transaction: it lands whole or not at all.
 */
export function mergeWorks(db: Db, keepId: string, mergeIds: string[]): MergeResult {
  const get = db.prepare('SELECT * FROM works WHERE id = ?')
  const keep = get.get(keepId) as DbWork | undefined
  if (!keep)
    throw new JournalFailure('NOT_FOUND', 'The film to keep no longer exists.', { keepId: 'Not found' })
  const merged = [...new Set(mergeIds)].map((id) => {
    const row = get.get(id) as DbWork | undefined
    if (!row)
      throw new JournalFailure('NOT_FOUND', `No film with id ${id} exists in this journal.`, {
        mergeIds: 'Not found'
      })
    return row
  })
  const at = now()
  let movedScreenings = 0
  let movedReviews = 0
  const filled: Partial<Record<(typeof FILLABLE)[number], unknown>> = {}
  const directors = new Set<string>(JSON.parse(keep.directors) as string[])
  for (const row of merged) {
    movedScreenings += moveScreeningsToWork(db, row.id, keepId, at)
    movedReviews += moveReviewsToWork(db, row.id, keepId, at)
    for (const field of FILLABLE) {
      if (keep[field] === null && filled[field] === undefined && row[field] !== null)
        filled[field] = row[field]
    }
    for (const d of JSON.parse(row.directors) as string[]) directors.add(d)
    // Removed before the kept film takes its unique Letterboxd address and source key.
    foldWorkInto(db, row, keepId, at)
  }
  updateWork(db, keepId, {
    ...(filled as Record<string, string | number | null>),
    directors: JSON.stringify([...directors]),
    updated_at: at
  })
  return { work: getWorkSummary(db, keepId), movedScreenings, movedReviews, removedWorks: merged.length }
}
