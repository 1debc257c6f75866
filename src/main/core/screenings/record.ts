import type { Db } from '../db/connection'
import type { RewatchHint, ScreeningEntry, ScreeningFields } from '../../../shared/contract/screenings'
import { JournalFailure, notFound } from '../context'
import { newId, now } from '../ids'
import { SCREENING_TAGS, normaliseTags, setTags } from '../tags/tags'
import { getScreening, liveScreeningRow } from './screenings'
import { resolveFilm } from './film-ref'

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

/**
 * Once a viewing is on record, every later one of the same film is by definition a rewatch:
 * logging a backlog entry (a 2019 viewing after the 2024 one) corrects the later ones.
 */
function markLaterViewingsAsRewatches(db: Db, workId: string, watchedOn: string, selfId: string, at: string): void {
  db.prepare(
    `UPDATE screenings SET rewatch = 1, updated_at = ?
     WHERE work_id = ? AND deleted_at IS NULL AND rewatch = 0 AND watched_on > ? AND id <> ?`
  ).run(at, workId, watchedOn, selfId)
}

function columnValues(fields: ScreeningFields, workId: string, rewatch: boolean) {
  return [
    workId,
    fields.watchedOn,
    fields.watchedTime,
    fields.venue,
    fields.format,
    fields.formatDetail,
    JSON.stringify(normaliseTags(fields.companions)),
    rewatch ? 1 : 0,
    fields.walkedOut ? 1 : 0,
    fields.rating,
    fields.notes,
    fields.embargoUntil
  ]
}

/**
 * Logs one viewing: finds or creates its film, decides "rewatch" from earlier viewings when the
 * critic left it open, and writes the screening and its tags. Runs in the caller's transaction,
 * so a failure anywhere leaves neither a film nor a screening behind.
 */
export function logScreening(db: Db, fields: ScreeningFields): { entry: ScreeningEntry; createdWork: boolean } {
  const film = resolveFilm(db, fields.film)
  const id = newId()
  const at = now()
  const rewatch = fields.rewatch ?? rewatchHint(db, film.workId, fields.watchedOn).seenBefore > 0
  db.prepare(
    `INSERT INTO screenings (work_id, watched_on, watched_time, venue, format, format_detail, companions,
       rewatch, walked_out, rating, notes, embargo_until, id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(...columnValues(fields, film.workId, rewatch), id, at, at)
  setTags(db, SCREENING_TAGS, id, fields.tags)
  markLaterViewingsAsRewatches(db, film.workId, fields.watchedOn, id, at)
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
      throw new JournalFailure('CONFLICT', 'This screening is linked to a review of another film. Unlink the review first.', {
        'film.title': 'The linked review is about another film'
      })
    }
  }
  const at = now()
  const rewatch = fields.rewatch ?? rewatchHint(db, film.workId, fields.watchedOn, id).seenBefore > 0
  db.prepare(
    `UPDATE screenings SET work_id = ?, watched_on = ?, watched_time = ?, venue = ?, format = ?,
       format_detail = ?, companions = ?, rewatch = ?, walked_out = ?, rating = ?, notes = ?,
       embargo_until = ?, updated_at = ?
     WHERE id = ?`
  ).run(...columnValues(fields, film.workId, rewatch), at, id)
  setTags(db, SCREENING_TAGS, id, fields.tags)
  markLaterViewingsAsRewatches(db, film.workId, fields.watchedOn, id, at)
  return { entry: getScreening(db, id), createdWork: film.created }
}

/** Moves a live screening to the trash; it keeps its film, tags and review link. */
export function trashScreening(db: Db, id: string): void {
  const at = now()
  const changed = db
    .prepare('UPDATE screenings SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL')
    .run(at, at, id).changes
  if (changed === 0) throw notFound('screening', id)
}

/** Brings a screening back from the trash. */
export function restoreScreening(db: Db, id: string): ScreeningEntry {
  const changed = db
    .prepare('UPDATE screenings SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL')
    .run(now(), id).changes
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
  db.prepare('DELETE FROM screenings WHERE id = ?').run(id)
}
