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
  if (match) {
    const params = { ...filterParams(filters), match }
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
 * Three steps, each as light as it can be: find the bound below which matches are too old to
 * rank (only when there are many), rank the rest by bm25 reading nothing but the index (joins
 * only when a filter needs them), then read the few hits' rows and cut their snippets.
 */
function searchKind(
  db: Db,
  spec: KindSpec,
  conditions: string[],
  params: Record<string, string | number>,
  limit: number,
  terms: SearchTerm[]
): SearchGroup {
  const joins = conditions.length || spec.joinAlways ? spec.joins : ''
  const newest = (db.prepare(`SELECT max(rid) FROM ${spec.table}`).pluck().get() as number | null) ?? 0
  const from = `FROM ${spec.fts} f ${joins}
    WHERE ${spec.fts} MATCH @match ${conditions.map((c) => `AND ${c}`).join(' ')}`
  const bound = rankingBound(db, newest, from, params)
  // bm25 weighs a phrase by how many documents hold it, which FTS5 counts by checking every
  // document for it; for a phrase with more matches than are ranked, newest first it is.
  const order = bound && terms.some((t) => t.phrase && t.words.length > 1) ? 'f.rowid DESC' : bm25(spec)
  const ranked = db
    .prepare(
      `SELECT f.rowid AS rowid ${from} ${bound ? 'AND f.rowid >= @bound' : ''} ORDER BY ${order} LIMIT ${limit + 1}`
    )
    .pluck()
    .all(bound ? { ...params, bound: bound.rowid } : params) as number[]
  const top = ranked.slice(0, limit)
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
  return { kind: spec.kind, hits, more: ranked.length > limit || bound !== undefined }
}

/** The newest rows searched first, counted in rows of the kind; each miss widens eightfold. */
const FIRST_WINDOW = 8192

/**
 * The rowid below which matches are not ranked, or undefined to rank every match. Looks for
 * the RANKED_CANDIDATES newest matches in a window of the newest rows, widening until found or
 * the whole index is covered: a rare word costs a few cheap seeks, and a phrase of common words
 * (which must check positions in every document holding its words) stops at the first window.
 */
function rankingBound(
  db: Db,
  newest: number,
  from: string,
  params: Record<string, string | number>
): { rowid: number } | undefined {
  const find = db.prepare(
    `SELECT f.rowid AS rowid ${from} AND f.rowid >= @lowest ORDER BY f.rowid DESC LIMIT 1 OFFSET ${RANKED_CANDIDATES - 1}`
  )
  for (let window = FIRST_WINDOW; ; window *= 8) {
    const lowest = newest - window
    if (lowest <= 0) return find.get({ ...params, lowest: 0 }) as { rowid: number } | undefined
    const found = find.get({ ...params, lowest }) as { rowid: number } | undefined
    if (found) return found
  }
}

/** Tag names and film years, for the filter menus. */
export function searchFacets(db: Db): { tags: string[]; years: number[] } {
  const tags = db.prepare('SELECT name FROM tags ORDER BY name COLLATE NOCASE').pluck().all() as string[]
  const years = db
    .prepare('SELECT DISTINCT year FROM works WHERE year IS NOT NULL ORDER BY year DESC')
    .pluck()
    .all() as number[]
  return { tags, years }
}
