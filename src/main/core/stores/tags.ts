import { cachedStatement, type Db } from '../db/connection'
import { newId } from '../ids'
import { recordChange } from './changeLog'

/**
 * The one writer of `tags`, `review_tags` and `screening_tags`. A tag link belongs to its review
 * or screening, whose own store records the change; a new tag is a change of its own.
 */
export type TagOwner =
  | { table: 'review_tags'; column: 'review_id' }
  | { table: 'screening_tags'; column: 'screening_id' }

export const REVIEW_TAGS: TagOwner = { table: 'review_tags', column: 'review_id' }
export const SCREENING_TAGS: TagOwner = { table: 'screening_tags', column: 'screening_id' }

/** Tag names trimmed and de-duplicated case-insensitively, keeping the first spelling. */
export function normaliseTags(names: string[]): string[] {
  const seen = new Map<string, string>()
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ')
    if (name && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name)
  }
  return [...seen.values()]
}

/** Adds one tag by name (an archive's tag list); the caller checked it is new. */
export function insertTag(db: Db, id: string, name: string): void {
  cachedStatement(db, 'INSERT INTO tags (id, name) VALUES (?, ?)').run(id, name.trim())
  recordChange(db, 'tags', id, 'insert')
}

/**
 * Replaces the tags of one review or screening, creating tags that do not exist yet. Runs in
 * the caller's transaction, beside the write of the review or screening itself.
 */
export function setTags(db: Db, owner: TagOwner, ownerId: string, names: string[]): void {
  cachedStatement(db, `DELETE FROM ${owner.table} WHERE ${owner.column} = ?`).run(ownerId)
  const find = cachedStatement(db, 'SELECT id FROM tags WHERE name = ?')
  const link = cachedStatement(
    db,
    `INSERT OR IGNORE INTO ${owner.table} (${owner.column}, tag_id) VALUES (?, ?)`
  )
  for (const name of normaliseTags(names)) {
    let tag = find.get(name) as { id: string } | undefined
    if (!tag) {
      tag = { id: newId() }
      insertTag(db, tag.id, name)
    }
    link.run(ownerId, tag.id)
  }
}
