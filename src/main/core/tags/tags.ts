import { cachedStatement, type Db } from '../db/connection'
import type { TagOwner as Owner } from '../stores/tags'

export { normaliseTags, REVIEW_TAGS, SCREENING_TAGS, setTags } from '../stores/tags'

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
