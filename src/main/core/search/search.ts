import type { Db } from '../db/connection'
import type { SearchFilters, SearchGroup, SearchHit, SearchResults } from '../../../shared/contract/search'
import { filterConditions, filterParams, KIND_SPECS, type KindSpec } from './kinds'
import { parseSearchText, termWords, toFtsQuery, type SearchTerm } from './query'
import { bestSnippet } from './highlight'

/**
 * How many of the newest matches of a kind are ranked. A word in most documents ("the") would
 * otherwise have bm25 computed for every one of them; past this many matches the newest ones
 * are ranked, which keeps common words about as fast as rare ones.
 */
export const RANKED_CANDIDATES = 500

/** bm25 weights per column (title, body, meta): a title hit counts most. */
const bm25 = (spec: KindSpec) => `bm25(${spec.fts}, 8.0, 1.0, 3.0)`

interface HitRow {
  rowid: number
  id: string
  title: string
  detail: string | null
  review_id: string | null
  work_id: string | null
  date: string | null
  rating: number | null
  status: SearchHit['status']
  t1: string | null
  t2: string | null
  t3: string | null
}

/** Runs one search: each kind ranked by bm25 on its own, with snippets for the hits returned. */
export function runSearch(db: Db, filters: SearchFilters): SearchResults {
  const started = performance.now()
  const terms = parseSearchText(filters.text)
  const match = toFtsQuery(terms)
  const groups: SearchGroup[] = []
  const browsing = !match && hasFilter(filters)
  if (match || browsing) {
    const params = match ? { ...filterParams(filters), match } : filterParams(filters)
    for (const spec of KIND_SPECS) {
      const conditions = filterConditions(spec, filters)
      if (!conditions) continue
      const group = searchKind(db, spec, conditions, params, filters.limit, terms)
      if (group.hits.length) groups.push(group)
    }
  }
  return { groups, words: termWords(terms), elapsedMs: Math.round((performance.now() - started) * 10) / 10 }
}

/**
 * Two steps: rank the kind's newest matches by bm25, reading nothing but the index (joins only
 * when a filter needs them), then read the few hits' rows and cut their snippets.
 */
function searchKind(
  db: Db,
  spec: KindSpec,
  conditions: string[],
  params: Record<string, string | number>,
  limit: number,
  terms: SearchTerm[]
): SearchGroup {
  const { top, more } = 'match' in params ? rankMatches(db, spec, conditions, params, limit, terms) : newestFiltered(db, spec, conditions, params, limit)
  const rows = db
    .prepare(
      `WITH f(rowid) AS (SELECT value FROM json_each(?))
       SELECT f.rowid AS rowid, ${spec.columns}, ${spec.texts} FROM f ${spec.joins}`
    )
    .all(JSON.stringify(top)) as HitRow[]
  const byRowid = new Map(rows.map((row) => [row.rowid, row]))
  const hits = top.flatMap((rowid): SearchHit[] => {
    const row = byRowid.get(rowid)
    if (!row) return []
    return [
      {
        kind: spec.kind,
        id: row.id,
        title: row.title,
        detail: row.detail,
        snippet: bestSnippet([row.t1, row.t2, row.t3], terms),
        reviewId: row.review_id,
        workId: row.work_id,
        date: row.date,
        rating: row.rating,
        status: row.status
      }
    ]
  })
  return { kind: spec.kind, hits, more }
}

/** True when a filter narrows the journal (the result limit is not a filter). */
function hasFilter(f: SearchFilters): boolean {
  return [f.kinds, f.status, f.ratingMin, f.ratingMax, f.tag, f.year, f.from, f.to].some((v) => v !== undefined)
}

function rankMatches(
  db: Db,
  spec: KindSpec,
  conditions: string[],
  params: Record<string, string | number>,
  limit: number,
  terms: SearchTerm[]
): { top: number[]; more: boolean } {
  const joins = conditions.length || spec.joinAlways ? spec.joins : ''
  const from = `FROM ${spec.fts} f ${joins}
    WHERE ${spec.fts} MATCH @match ${conditions.map((c) => `AND ${c}`).join(' ')}`
  return rankNewest(db, spec, from, params, limit, terms)
}

/**
 * Filters with no words browse: the kind's live rows (those its index holds, read from the
 * view its entries are made from) that pass the filters, newest first, so a tag or a status
 * alone lists what carries it, as a tag page does on Letterboxd or WordPress.
 */
function newestFiltered(
  db: Db,
  spec: KindSpec,
  conditions: string[],
  params: Record<string, string | number>,
  limit: number
): { top: number[]; more: boolean } {
  const entries = `${spec.kind}_search_entries`
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''
  const rowids = db
    .prepare(`SELECT f.rowid FROM (SELECT rid AS rowid FROM ${entries}) f ${spec.joins} ${where} ORDER BY f.rowid DESC LIMIT ${limit + 1}`)
    .pluck()
    .all(params) as number[]
  return { top: rowids.slice(0, limit), more: rowids.length > limit }
}

/**
 * The best `limit` of the kind's RANKED_CANDIDATES newest matches, and whether there are more.
 * The index walks its matches newest first and stops at the last candidate, so bm25 is
 * computed for those alone, in the one statement that finds them.
 */
function rankNewest(
  db: Db,
  spec: KindSpec,
  from: string,
  params: Record<string, string | number>,
  limit: number,
  terms: SearchTerm[]
): { top: number[]; more: boolean } {
  const newest = `ORDER BY f.rowid DESC LIMIT ${RANKED_CANDIDATES + 1}`
  // bm25 weighs a phrase by how many documents hold it, which FTS5 counts by checking every
  // document holding its words; a phrase with more matches than are ranked shows the newest.
  if (terms.some((t) => t.phrase && t.words.length > 1)) {
    const rowids = db.prepare(`SELECT f.rowid ${from} ${newest}`).pluck().all(params) as number[]
    if (rowids.length > RANKED_CANDIDATES) return { top: rowids.slice(0, limit), more: true }
  }
  const scored = db
    .prepare(`SELECT f.rowid AS rowid, ${bm25(spec)} AS score ${from} ${newest}`)
    .all(params) as { rowid: number; score: number }[]
  const candidates = scored.slice(0, RANKED_CANDIDATES).sort((a, b) => a.score - b.score || b.rowid - a.rowid)
  return {
    top: candidates.slice(0, limit).map((c) => c.rowid),
    more: scored.length > RANKED_CANDIDATES || candidates.length > limit
  }
}

/**
 * Tag names in use (on a live review or a screening) and film years, for the filter menus. A tag
 * nothing carries any more — its reviews removed with the sample journal, or trashed — is not
 * offered: choosing it could only find nothing.
 */
export function searchFacets(db: Db): { tags: string[]; years: number[] } {
  const tags = db
    .prepare(
      `SELECT t.name FROM tags t
       WHERE EXISTS (SELECT 1 FROM review_tags x JOIN reviews r ON r.id = x.review_id WHERE x.tag_id = t.id AND r.deleted_at IS NULL)
          OR EXISTS (SELECT 1 FROM screening_tags x JOIN screenings s ON s.id = x.screening_id WHERE x.tag_id = t.id AND s.deleted_at IS NULL)
       ORDER BY t.name COLLATE NOCASE`
    )
    .pluck()
    .all() as string[]
  const years = db
    .prepare('SELECT DISTINCT year FROM works WHERE year IS NOT NULL ORDER BY year DESC')
    .pluck()
    .all() as number[]
  return { tags, years }
}
