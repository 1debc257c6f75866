import { cachedStatement, type Db } from '../db/connection'
import { newId } from '../ids'

type Owner =
  | { table: 'review_tags'; column: 'review_id' }
  | { table: 'screening_tags'; column: 'screening_id' }

export const REVIEW_TAGS: Owner = { table: 'review_tags', column: 'review_id' }
export const SCREENING_TAGS: Owner = { table: 'screening_tags', column: 'screening_id' }

/** Tag names trimmed and de-duplicated case-insensitively, keeping the first spelling. */
export function normaliseTags(names: string[]): string[] {
  const seen = new Map<string, string>()
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ')
    if (name && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name)
  }
  return [...seen.values()]
}

/** Replaces the tags of one review or screening, creating tags that do not exist yet. */
export function setTags(db: Db, owner: Owner, ownerId: string, names: string[]): void {
  cachedStatement(db, `DELETE FROM ${owner.table} WHERE ${owner.column} = ?`).run(ownerId)
  const find = cachedStatement(db, 'SELECT id FROM tags WHERE name = ?')
  const create = cachedStatement(db, 'INSERT INTO tags (id, name) VALUES (?, ?)')
  const link = cachedStatement(
    db,
    `INSERT OR IGNORE INTO ${owner.table} (${owner.column}, tag_id) VALUES (?, ?)`
  )
  for (const name of normaliseTags(names)) {
    let tag = find.get(name) as { id: string } | undefined
    if (!tag) {
      tag = { id: newId() }
      create.run(tag.id, name)
    }
    link.run(ownerId, tag.id)
  }
}

/** Tags per owner id, for list queries (one query, not one per row). */
export function tagsByOwner(db: Db, owner: Owner, ownerIds?: string[]): Map<string, string[]> {
  const rows = (
    ownerIds
      ? cachedStatement(
          db,
          `SELECT o.${owner.column} AS owner, t.name FROM ${owner.table} o JOIN tags t ON t.id = o.tag_id
             WHERE o.${owner.column} IN (SELECT value FROM json_each(?)) ORDER BY t.name`
        ).all(JSON.stringify(ownerIds))
      : cachedStatement(
          db,
          `SELECT o.${owner.column} AS owner, t.name FROM ${owner.table} o JOIN tags t ON t.id = o.tag_id ORDER BY t.name`
        ).all()
  ) as { owner: string; name: string }[]
  const map = new Map<string, string[]>()
  for (const row of rows) {
    const list = map.get(row.owner)
    if (list) list.push(row.name)
    else map.set(row.owner, [row.name])
  }
  return map
}
