import type { Db } from '../db/connection'
import type { RewatchHint, ScreeningEntry, ScreeningFields } from '../../../shared/contract/screenings'
import { JournalFailure, notFound } from '../context'
import { newId, now } from '../ids'
import { SCREENING_TAGS, normaliseTags, setTags } from '../tags/tags'
import { getScreening, liveScreeningRow } from './screenings'
import { resolveFilm } from './film-ref'
import {
  deleteScreenings,
  insertScreening,
  markLaterViewingsRewatched,
  updateScreening as updateScreeningRow,
  type ScreeningColumns
} from '../stores/screenings'

/** How often the film was seen on or before `watchedOn`, not counting `excludeId`. */
export function rewatchHint(db: Db, workId: string, watchedOn: string, excludeId?: string): RewatchHint {
  const row = db
    .prepare(
      `SELECT count(*) AS n, max(watched_on) AS last FROM screenings
       WHERE work_id = ? AND deleted_at IS NULL AND watched_on <= ? AND id <> ?`
    )
    .get(workId, watchedOn, excludeId ?? '') as { n: number; last: string | null }
  return { seenBefore: row.n, lastWatchedOn: row.last }
}

function columnValues(fields: ScreeningFields, workId: string, rewatch: boolean) {
  return {
    work_id: workId,
    watched_on: fields.watchedOn,
    watched_time: fields.watchedTime,
    venue: fields.venue,
    format: fields.format,
    format_detail: fields.formatDetail,
    companions: JSON.stringify(normaliseTags(fields.companions)),
    rewatch: rewatch ? 1 : 0,
    walked_out: fields.walkedOut ? 1 : 0,
    rating: fields.rating,
    notes: fields.notes,
    embargo_until: fields.embargoUntil
  } satisfies ScreeningColumns
}

/**
 * Logs one viewing: finds or creates its film, decides "rewatch" from earlier viewings when the
 * critic left it open, and writes the screening and its tags. Runs in the caller's transaction,
 * so a failure anywhere leaves neither a film nor a screening behind.
 */
export function logScreening(
  db: Db,
  fields: ScreeningFields
): { entry: ScreeningEntry; createdWork: boolean } {
  const film = resolveFilm(db, fields.film)
  const id = newId()
  const at = now()
  const rewatch = fields.rewatch ?? rewatchHint(db, film.workId, fields.watchedOn).seenBefore > 0
  const values = columnValues(fields, film.workId, rewatch)
  insertScreening(db, {
    ...values,
    rewatch: values.rewatch === 1,
    walked_out: values.walked_out === 1,
    id,
    created_at: at,
    updated_at: at
  })
  setTags(db, SCREENING_TAGS, id, fields.tags)
  // Once a viewing is on record, every later one of the same film is by definition a rewatch:
  // logging a backlog entry (a 2019 viewing after the 2024 one) corrects the later ones.
  markLaterViewingsRewatched(db, film.workId, fields.watchedOn, id, at)
  return { entry: getScreening(db, id), createdWork: film.created }
}

/** Rewrites every field of a live screening (the edit dialog sends them all). */
export function updateScreening(
  db: Db,
  id: string,
  fields: ScreeningFields
): { entry: ScreeningEntry; createdWork: boolean } {
  const current = liveScreeningRow(db, id)
  const film = resolveFilm(db, fields.film)
  if (current.review_id && film.workId !== current.work_id) {
    const review = db.prepare('SELECT work_id FROM reviews WHERE id = ?').get(current.review_id) as
      | { work_id: string | null }
      | undefined
    if (review?.work_id && review.work_id !== film.workId) {
      throw new JournalFailure(
        'CONFLICT',
        'This screening is linked to a review of another film. Unlink the review first.',
        {
          'film.title': 'The linked review is about another film'
        }
      )
    }
  }
  const at = now()
  const rewatch = fields.rewatch ?? rewatchHint(db, film.workId, fields.watchedOn, id).seenBefore > 0
  updateScreeningRow(db, id, { ...columnValues(fields, film.workId, rewatch), updated_at: at })
  setTags(db, SCREENING_TAGS, id, fields.tags)
  markLaterViewingsRewatched(db, film.workId, fields.watchedOn, id, at)
  return { entry: getScreening(db, id), createdWork: film.created }
}

/** Moves a live screening to the trash; it keeps its film, tags and review link. */
export function trashScreening(db: Db, id: string): void {
  const at = now()
  const changed = updateScreeningRow(db, id, { deleted_at: at, updated_at: at }, 'live')
  if (changed === 0) throw notFound('screening', id)
}

/** Brings a screening back from the trash. */
export function restoreScreening(db: Db, id: string): ScreeningEntry {
  const changed = updateScreeningRow(db, id, { deleted_at: null, updated_at: now() }, 'trashed')
  if (changed === 0) throw notFound('screening in the trash', id)
  return getScreening(db, id)
}

/** Deletes a screening for good; only one already in the trash, so nothing vanishes in one step. */
export function purgeScreening(db: Db, id: string): void {
  const row = db.prepare('SELECT deleted_at FROM screenings WHERE id = ?').get(id) as
    | { deleted_at: string | null }
    | undefined
  if (!row) throw notFound('screening', id)
  if (!row.deleted_at) {
    throw new JournalFailure('CONFLICT', 'Move the screening to the trash before deleting it for good.')
  }
  deleteScreenings(db, { id })
}
