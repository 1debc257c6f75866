import { cachedStatement, type Db } from '../db/connection'
import type { KindSpec } from './kinds'
import type { SearchTerm } from './query'

/**
 * How many of the newest matches of a kind are ranked. A word in most documents ("the") would
 * otherwise have bm25 computed for every one of them; past this many matches the newest ones
 * are ranked, which keeps common words about as fast as rare ones.
 */
export const RANKED_CANDIDATES = 500

/** bm25 weights per column (title, body, meta): a title hit counts most. */
const bm25 = (spec: KindSpec) => `bm25(${spec.fts}, 8.0, 1.0, 3.0)`

type Params = Record<string, string | number>

/** One page of a kind's hits, as index rowids, and how many hits the kind has in all. */
export interface RankedPage {
  rowids: number[]
  total: number
}

/** Which page: `limit` hits after the first `offset`. */
export interface PageSpan {
  offset: number
  limit: number
}

/**
 * The kind's matches in order: the RANKED_CANDIDATES newest ranked by bm25, then any older ones
 * newest first, so that every page of "show all" follows from the one before.
 */
export function rankMatches(
  db: Db,
  spec: KindSpec,
  conditions: string[],
  params: Params,
  page: PageSpan,
  terms: SearchTerm[]
): RankedPage {
  const joins = conditions.length || spec.joinAlways ? spec.joins : ''
  const from = `FROM ${spec.fts} f ${joins}
    WHERE ${spec.fts} MATCH @match ${conditions.map((c) => `AND ${c}`).join(' ')}`
  const newest = `ORDER BY f.rowid DESC LIMIT ${RANKED_CANDIDATES + 1}`
  const count = () => cachedStatement(db, `SELECT count(*) ${from}`).pluck().get(params) as number
  // bm25 weighs a phrase by how many documents hold it, which FTS5 counts by checking every
  // document holding its words; a phrase with more matches than are ranked shows the newest.
  if (terms.some((t) => t.phrase && t.words.length > 1)) {
    const rowids = cachedStatement(db, `SELECT f.rowid ${from} ${newest}`).pluck().all(params) as number[]
    if (rowids.length > RANKED_CANDIDATES)
      return { rowids: newestPage(db, from, params, page), total: count() }
  }
  const scored = db
    .prepare(`SELECT f.rowid AS rowid, ${bm25(spec)} AS score ${from} ${newest}`)
    .all(params) as { rowid: number; score: number }[]
  const candidates = scored.slice(0, RANKED_CANDIDATES).sort((a, b) => a.score - b.score || b.rowid - a.rowid)
  const ranked = candidates.slice(page.offset, page.offset + page.limit).map((c) => c.rowid)
  if (scored.length <= RANKED_CANDIDATES) return { rowids: ranked, total: scored.length }
  const rest = page.limit - ranked.length
  if (rest > 0) {
    // The page runs on past the ranked ones, into the older matches.
    const oldest = scored[RANKED_CANDIDATES - 1].rowid
    const older = newestPage(
      db,
      `${from} AND f.rowid < @oldest`,
      { ...params, oldest },
      {
        offset: Math.max(0, page.offset - RANKED_CANDIDATES),
        limit: rest
      }
    )
    ranked.push(...older)
  }
  return { rowids: ranked, total: count() }
}

function newestPage(db: Db, from: string, params: Params, page: PageSpan): number[] {
  return db
    .prepare(`SELECT f.rowid ${from} ORDER BY f.rowid DESC LIMIT ${page.limit} OFFSET ${page.offset}`)
    .pluck()
    .all(params) as number[]
}

/**
 * Filters with no words browse: the kind's live rows (those its index holds, read from the
 * view its entries are made from) that pass the filters, newest first, so a tag or a status
 * alone lists what carries it, as a tag page does on Letterboxd or WordPress.
 */
export function newestFiltered(
  db: Db,
  spec: KindSpec,
  conditions: string[],
  params: Params,
  page: PageSpan
): RankedPage {
  const entries = `${spec.kind}_search_entries`
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''
  const from = `FROM (SELECT rid AS rowid FROM ${entries}) f ${spec.joins} ${where}`
  const rowids = newestPage(db, from, params, page)
  const total =
    page.offset === 0 && rowids.length < page.limit
      ? rowids.length
      : (cachedStatement(db, `SELECT count(*) ${from}`).pluck().get(params) as number)
  return { rowids, total }
}
