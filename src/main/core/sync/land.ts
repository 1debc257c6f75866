import { cachedStatement, type Db } from '../db/connection'
import type { LexicalDoc } from '../../../shared/domain'
import {
  deleteReviews,
  insertReview,
  insertRevision,
  reviewText,
  updateReview,
  updateRevisionText,
  type NewReviewRow,
  type RevisionRow
} from '../stores/reviews'
import {
  deleteScreenings,
  insertScreening,
  updateScreening,
  type NewScreeningRow
} from '../stores/screenings'
import { deleteResponse, insertResponse, updateResponse, type NewResponseRow } from '../stores/responses'
import { deleteWork, insertWork, updateWork, type WorkRow } from '../stores/works'
import { writeSetting } from '../stores/settings'
import { REVIEW_TAGS, SCREENING_TAGS, setTags } from '../stores/tags'
import { KINDS, readRecord, SET_AT_CREATION, type Fields, type SyncedKind } from './records'

/**
 * Writes records that arrived from another device into the journal through its stores, so they
 * are indexed, counted and announced as local writes are. Only columns that differ are written.
 */

export type Landing = 'written' | 'unchanged' | 'waiting'

/** Columns a record must point at an existing row through; without it the record waits. */
const REQUIRED_PARENTS: Partial<Record<SyncedKind, [string, string][]>> = {
  revisions: [['review_id', 'reviews']],
  screenings: [['work_id', 'works']],
  responses: [['review_id', 'reviews']]
}

/** Columns that are set once, when a record is made. */
const SET_ONCE = new Set<string>(SET_AT_CREATION)

/** Columns another row may hold already (the same archive imported on both devices). */
const UNIQUE: Partial<Record<SyncedKind, string[]>> = {
  works: ['source_key', 'letterboxd_uri'],
  reviews: ['source_key'],
  screenings: ['source_key'],
  responses: ['source_key']
}

/** Lands one live record; `body` is a review's (required when it is new to this journal). */
export function landRecord(db: Db, kind: SyncedKind, id: string, fields: Fields, body?: LexicalDoc): Landing {
  const shape = KINDS[kind]
  for (const [column, table] of REQUIRED_PARENTS[kind] ?? []) {
    if (!cachedStatement(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(fields[column])) return 'waiting'
  }
  const current = readRecord(db, kind, id)
  if (!current) {
    const row: Fields = {}
    for (const column of shape.columns) row[column] = fields[column] ?? null
    for (const column of UNIQUE[kind] ?? []) {
      const owner =
        row[column] === null
          ? undefined
          : cachedStatement(db, `SELECT id FROM ${shape.table} WHERE ${column} = ?`).get(row[column])
      if (owner) row[column] = null
    }
    insertRecord(db, kind, id, row, body)
    // A new record has no tags yet: only a list with names needs writing.
    if (shape.tags && fields.tags !== '[]') setOwnTags(db, kind, id, fields.tags)
    return 'written'
  }
  const changed: Fields = {}
  for (const column of shape.columns) {
    if (SET_ONCE.has(column) || fields[column] === undefined) continue
    if (fields[column] !== current.fields[column]) changed[column] = fields[column]
  }
  const tagsChanged =
    shape.tags !== undefined && fields.tags !== undefined && fields.tags !== current.fields.tags
  if (!Object.keys(changed).length && !body && !tagsChanged) return 'unchanged'
  updateRecord(db, kind, id, changed, body, tagsChanged ? fields : null)
  return 'written'
}

function insertRecord(db: Db, kind: SyncedKind, id: string, row: Fields, body: LexicalDoc | undefined): void {
  // The fields came from the same columns on the device that wrote them (numbers for flags).
  const r = row as never
  switch (kind) {
    case 'settings':
      return writeSetting(db, id, JSON.parse(String(row.value)))
    case 'works':
      return insertWork(db, { ...(r as WorkRow), id })
    case 'reviews':
      if (!body) throw new Error(`review ${id} arrived without its text`)
      insertReview(db, { ...(r as NewReviewRow), id, body })
      return
    case 'revisions':
      return insertRevision(db, {
        ...(r as RevisionRow),
        id,
        ...reviewText(JSON.parse(String(row.body)) as LexicalDoc)
      })
    case 'screenings':
      return insertScreening(db, { ...(r as NewScreeningRow), id })
    case 'responses':
      return insertResponse(db, { ...(r as NewResponseRow), id })
  }
}

function updateRecord(
  db: Db,
  kind: SyncedKind,
  id: string,
  changed: Fields,
  body: LexicalDoc | undefined,
  tags: Fields | null
): void {
  switch (kind) {
    case 'settings':
      return writeSetting(db, id, JSON.parse(String(changed.value)))
    case 'works':
      updateWork(db, id, changed)
      return
    case 'reviews':
      // A change of tags alone still needs its change recorded: the review's own row carries it.
      updateReview(db, id, {
        ...changed,
        ...(body ? reviewText(body) : {}),
        ...(tags ? { updated_at: tags.updated_at } : {})
      })
      if (tags) setOwnTags(db, kind, id, tags.tags)
      return
    case 'revisions': {
      const current = readRecord(db, kind, id)!.fields
      const text = reviewText(JSON.parse(String(changed.body ?? current.body)) as LexicalDoc)
      updateRevisionText(db, id, { title: String(changed.title ?? current.title), ...text })
      return
    }
    case 'screenings':
      updateScreening(db, id, { ...changed, ...(tags ? { updated_at: tags.updated_at } : {}) })
      if (tags) setOwnTags(db, kind, id, tags.tags)
      return
    case 'responses':
      updateResponse(db, id, changed)
  }
}

function setOwnTags(db: Db, kind: SyncedKind, id: string, tags: Fields[string] | undefined): void {
  const names = typeof tags === 'string' ? (JSON.parse(tags) as string[]) : []
  setTags(db, kind === 'reviews' ? REVIEW_TAGS : SCREENING_TAGS, id, names)
}

/** Lands a tombstone: the record goes the way its own store deletes it. Answers whether it went. */
export function landDeletion(db: Db, kind: SyncedKind, id: string): boolean {
  switch (kind) {
    case 'works':
      return deleteWork(db, id)
    case 'reviews':
      return deleteReviews(db, { id }) > 0
    case 'screenings':
      return deleteScreenings(db, { id }) > 0
    case 'responses': {
      const exists = cachedStatement(db, 'SELECT 1 FROM responses WHERE id = ?').get(id)
      if (exists) deleteResponse(db, id)
      return Boolean(exists)
    }
    // A history entry goes with its review, and a preference is never deleted.
    case 'revisions':
    case 'settings':
      return false
  }
}

/** Nullable links that may point at a record this journal does not have: they become empty. */
const OPTIONAL_LINKS: Record<string, { column: string; clear(db: Db, id: string): void }> = {
  'reviews.work_id': { column: 'work_id', clear: (db, id) => void updateReview(db, id, { work_id: null }) },
  'screenings.review_id': {
    column: 'review_id',
    clear: (db, id) => void updateScreening(db, id, { review_id: null })
  },
  'responses.parent_id': {
    column: 'parent_id',
    clear: (db, id) => void updateResponse(db, id, { parent_id: null })
  }
}

/**
 * After a round's records landed with foreign keys deferred: links left pointing at a record
 * this journal lacks (deleted here while another device linked to it) are cleared, so the
 * transaction can commit. Answers how many were cleared.
 */
export function clearDanglingLinks(db: Db): number {
  const problems = db.pragma('foreign_key_check') as {
    table: string
    rowid: number
    parent: string
    fkid: number
  }[]
  let cleared = 0
  for (const problem of problems) {
    const links = db.pragma(`foreign_key_list(${problem.table})`) as { id: number; from: string }[]
    const from = links.find((link) => link.id === problem.fkid)?.from
    const link = OPTIONAL_LINKS[`${problem.table}.${from}`]
    if (!link) throw new Error(`${problem.table} row ${problem.rowid} points at a missing ${problem.parent}`)
    const id = cachedStatement(db, `SELECT id FROM ${problem.table} WHERE rid = ?`)
      .pluck()
      .get(problem.rowid) as string
    link.clear(db, id)
    cleared++
  }
  return cleared
}
