import type { Db } from '../db/connection'
import type { MergeResult } from '../../../shared/contract/works'
import { JournalFailure } from '../context'
import { now } from '../ids'
import { getWorkSummary } from './catalogue'
import type { DbWork } from './works'

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
  const moveScreenings = db.prepare('UPDATE screenings SET work_id = ?, updated_at = ? WHERE work_id = ?')
  const moveReviews = db.prepare('UPDATE reviews SET work_id = ?, updated_at = ? WHERE work_id = ?')
  const alias = db.prepare(
    'INSERT OR REPLACE INTO work_aliases (alias, work_id, created_at) VALUES (?, ?, ?)'
  )
  const repointAliases = db.prepare('UPDATE work_aliases SET work_id = ? WHERE work_id = ?')
  const remove = db.prepare('DELETE FROM works WHERE id = ?')
  const at = now()
  let movedScreenings = 0
  let movedReviews = 0
  const filled: Partial<Record<(typeof FILLABLE)[number], unknown>> = {}
  const directors = new Set<string>(JSON.parse(keep.directors) as string[])
  for (const row of merged) {
    movedScreenings += moveScreenings.run(keepId, at, row.id).changes
    movedReviews += moveReviews.run(keepId, at, row.id).changes
    for (const field of FILLABLE) {
      if (keep[field] === null && filled[field] === undefined && row[field] !== null)
        filled[field] = row[field]
    }
    for (const d of JSON.parse(row.directors) as string[]) directors.add(d)
    repointAliases.run(keepId, row.id)
    alias.run(`id:${row.id}`, keepId, at)
    if (row.source_key) alias.run(`source:${row.source_key}`, keepId, at)
    // Removed before the kept film takes its unique Letterboxd address and source key.
    remove.run(row.id)
  }
  const sets = Object.keys(filled).map((f) => `${f} = @${f}`)
  db.prepare(
    `UPDATE works SET ${[...sets, 'directors = @directors', 'updated_at = @at'].join(', ')} WHERE id = @id`
  ).run({
    ...filled,
    directors: JSON.stringify([...directors]),
    at,
    id: keepId
  })
  return { work: getWorkSummary(db, keepId), movedScreenings, movedReviews, removedWorks: merged.length }
}
