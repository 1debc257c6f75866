import { cachedStatement, type Db } from '../db/connection'
import { RESPONSE_COLUMNS } from '../stores/responses'
import { REVIEW_COLUMNS } from '../stores/reviews'
import { SCREENING_COLUMNS } from '../stores/screenings'
import { WORK_COLUMNS } from '../stores/works'

/**
 * What sync carries of each kind of record: the columns a record's Yjs map holds (its `rid`
 * is local, and a review's body travels in the collaboration binding's shape, not as a field).
 * Derived columns (a body's text and word count) are derived again where the record lands.
 */

/** The kinds sync carries, parents before children: the order records are written in. */
export const SYNCED_KINDS = ['settings', 'works', 'reviews', 'revisions', 'screenings', 'responses'] as const
export type SyncedKind = (typeof SYNCED_KINDS)[number]

export type FieldValue = string | number | null
export type Fields = Record<string, FieldValue>

interface KindShape {
  /** Where its records are read from (sync writes through the stores, never here). */
  table: string
  /** The record's primary key column (`key` for settings). */
  idColumn: string
  columns: string[]
  /** Tag names kept as one field, `tags` (a JSON array sorted by name). */
  tags?: { table: string; column: string }
  /** Settings that describe one machine rather than the journal stay where they are. */
  skipIds?: string[]
}

/** What a record is given once, when it is made: never updated, but carried to other journals. */
export const SET_AT_CREATION = ['source_key', 'created_at'] as const
/** A review's body travels as its own document; its text and word count are derived where it lands. */
const REVIEW_BODY = new Set<string>(['body', 'body_text', 'word_count'])

/** The columns a store lets callers set, and those set once at creation: what a record carries. */
const carried = (writable: readonly string[]) => [...new Set([...writable, ...SET_AT_CREATION])]

export const KINDS: Record<SyncedKind, KindShape> = {
  settings: { table: 'settings', idColumn: 'key', columns: ['value'], skipIds: ['window.state'] },
  works: { table: 'works', idColumn: 'id', columns: carried(WORK_COLUMNS) },
  reviews: {
    table: 'reviews',
    idColumn: 'id',
    columns: carried(REVIEW_COLUMNS.filter((c) => !REVIEW_BODY.has(c))),
    tags: { table: 'review_tags', column: 'review_id' }
  },
  revisions: {
    // A snapshot sharing its review's text is carried with that text (see migration 013).
    table: 'review_revision_texts',
    idColumn: 'id',
    columns: ['review_id', 'title', 'body', 'reason', 'label', 'created_at']
  },
  screenings: {
    table: 'screenings',
    idColumn: 'id',
    columns: carried(SCREENING_COLUMNS),
    tags: { table: 'screening_tags', column: 'screening_id' }
  },
  responses: { table: 'responses', idColumn: 'id', columns: carried(RESPONSE_COLUMNS) }
}

export function isSyncedKind(kind: string): kind is SyncedKind {
  return (SYNCED_KINDS as readonly string[]).includes(kind)
}

/** A record's Yjs document name: `<kind>/<id>`. */
export const docName = (kind: SyncedKind, id: string) => `${kind}/${id}`

export function parseDocName(name: string): { kind: SyncedKind; id: string } | null {
  const slash = name.indexOf('/')
  const kind = name.slice(0, slash)
  return slash > 0 && isSyncedKind(kind) ? { kind, id: name.slice(slash + 1) } : null
}

/** A record as sync carries it, plus (for a review) its stored body JSON; null when absent. */
export interface StoredRecord {
  fields: Fields
  body?: string
}

/** Reads one record's synced fields from its table (null when there is no such row). */
export function readRecord(db: Db, kind: SyncedKind, id: string): StoredRecord | null {
  const shape = KINDS[kind]
  if (shape.skipIds?.includes(id)) return null
  const extra = kind === 'reviews' ? ', body' : ''
  const row = cachedStatement(
    db,
    `SELECT ${shape.columns.join(', ')}${extra} FROM ${shape.table} WHERE ${shape.idColumn} = ?`
  ).get(id) as Record<string, FieldValue> | undefined
  if (!row) return null
  const fields: Fields = {}
  for (const column of shape.columns) fields[column] = row[column] ?? null
  if (shape.tags) fields.tags = JSON.stringify(readTags(db, shape.tags, id))
  return kind === 'reviews' ? { fields, body: row.body as string } : { fields }
}

export function readTags(db: Db, tags: NonNullable<KindShape['tags']>, id: string): string[] {
  return cachedStatement(
    db,
    `SELECT t.name FROM ${tags.table} l JOIN tags t ON t.id = l.tag_id WHERE l.${tags.column} = ? ORDER BY t.name`
  )
    .pluck()
    .all(id) as string[]
}

/** Every id of a kind: a first capture reads every record, since rows can predate the change log. */
export function allIds(db: Db, kind: SyncedKind): string[] {
  const shape = KINDS[kind]
  const ids = db
    .prepare(
      `SELECT ${shape.idColumn} FROM ${shape.table} ORDER BY ${shape.idColumn === 'key' ? 'key' : 'rid'}`
    )
    .pluck()
    .all() as string[]
  return shape.skipIds ? ids.filter((id) => !shape.skipIds!.includes(id)) : ids
}
