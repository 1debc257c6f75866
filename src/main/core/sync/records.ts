import { cachedStatement, type Db } from '../db/connection'

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
  table: string
  /** The record's primary key column (`key` for settings). */
  idColumn: string
  columns: string[]
  /** Tag names kept as one field, `tags` (a JSON array sorted by name). */
  tags?: { table: string; column: string }
  /** Settings that describe one machine rather than the journal stay where they are. */
  skipIds?: string[]
}

export const KINDS: Record<SyncedKind, KindShape> = {
  settings: { table: 'settings', idColumn: 'key', columns: ['value'], skipIds: ['window.state'] },
  works: {
    table: 'works',
    idColumn: 'id',
    columns: [
      'title',
      'original_title',
      'year',
      'directors',
      'runtime_minutes',
      'letterboxd_uri',
      'tmdb_id',
      'imdb_id',
      'source_key',
      'is_sample',
      'created_at',
      'updated_at'
    ]
  },
  reviews: {
    table: 'reviews',
    idColumn: 'id',
    columns: [
      'work_id',
      'title',
      'rating',
      'status',
      'has_spoilers',
      'responses_closed',
      'outlet',
      'published_url',
      'published_at',
      'target_words',
      'slug',
      'source_key',
      'is_sample',
      'standfirst',
      'password',
      'created_at',
      'updated_at',
      'deleted_at'
    ],
    tags: { table: 'review_tags', column: 'review_id' }
  },
  revisions: {
    table: 'review_revisions',
    idColumn: 'id',
    columns: ['review_id', 'title', 'body', 'reason', 'label', 'created_at']
  },
  screenings: {
    table: 'screenings',
    idColumn: 'id',
    columns: [
      'work_id',
      'watched_on',
      'watched_time',
      'venue',
      'format',
      'format_detail',
      'companions',
      'rewatch',
      'walked_out',
      'rating',
      'notes',
      'embargo_until',
      'review_id',
      'source_key',
      'is_sample',
      'created_at',
      'updated_at',
      'deleted_at'
    ],
    tags: { table: 'screening_tags', column: 'screening_id' }
  },
  responses: {
    table: 'responses',
    idColumn: 'id',
    columns: [
      'review_id',
      'parent_id',
      'author_name',
      'author_email',
      'author_url',
      'body',
      'received_at',
      'status',
      'is_own_reply',
      'starred',
      'source_key',
      'created_at',
      'updated_at'
    ]
  }
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
