import { createHash } from 'node:crypto'

/**
 * How documents are named on a sync server. One server keeps several journals apart by their
 * tokens: a journal's documents are `<journal>/<kind>/<id>` (the names `records.ts` gives, under a
 * prefix), where `<journal>` is derived from the token, so knowing a token is what opens a
 * journal and a document name says which token may open it. `<journal>/index` lists, per device,
 * the documents that device pushed (see serverIndex.ts).
 */

/** A journal's prefix on the server: the first 16 hex digits of the token's sha256. */
export function journalOfToken(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16)
}

/** The server's name for a record's document (`reviews/<id>` → `<journal>/reviews/<id>`). */
export function serverDocName(journal: string, doc: string): string {
  return `${journal}/${doc}`
}

/** The record's own document name, or null when `name` is not one of this journal's. */
export function localDocName(journal: string, name: string): string | null {
  return name.startsWith(`${journal}/`) ? name.slice(journal.length + 1) : null
}

export function indexDocName(journal: string): string {
  return `${journal}/index`
}
