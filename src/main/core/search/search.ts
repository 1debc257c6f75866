import { cachedStatement, type Db } from '../db/connection'
import type {
  SearchFilters,
  SearchGroup,
  SearchHit,
  SearchResults,
  SnippetPart
} from '../../../shared/contract/search'
import { filterConditions, filterParams, KIND_SPECS, type KindSpec } from './kinds'
import { parseSearchText, termWords, toFtsQuery, type SearchTerm } from './query'
import { bestSnippet, highlightAt, highlightOpening } from './highlight'
import { indexedMatches, type BodyMatches } from './indexedMatches'
import { newestFiltered, rankMatches, type PageSpan } from './ranking'

export { RANKED_CANDIDATES } from './ranking'

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
      const page = { offset: filters.offset, limit: filters.limit }
      const group = searchKind(db, spec, conditions, params, page, terms)
      if (group.hits.length) groups.push(group)
    }
  }
  return { groups, words: termWords(terms), elapsedMs: Math.round((performance.now() - started) * 10) / 10 }
}

/**
 * Two steps: rank the kind's newest matches by bm25, reading nothing but the index (joins only
 * when a filter needs them), then read the page's rows and cut their snippets.
 */
function searchKind(
  db: Db,
  spec: KindSpec,
  conditions: string[],
  params: Record<string, string | number>,
  page: PageSpan,
  terms: SearchTerm[]
): SearchGroup {
  const { rowids: top, total } =
    'match' in params
      ? rankMatches(db, spec, conditions, params, page, terms)
      : newestFiltered(db, spec, conditions, params, page)
  const rows = cachedStatement(
    db,
    `WITH f(rowid) AS (SELECT value FROM json_each(?))
       SELECT f.rowid AS rowid, ${spec.columns}, ${spec.texts} FROM f ${spec.joins}`
  ).all(JSON.stringify(top)) as HitRow[]
  const byRowid = new Map(rows.map((row) => [row.rowid, row]))
  const inBody =
    spec.bodyColumn && terms.length
      ? indexedMatches(db, spec.fts, spec.bodyColumn, top, terms, 'match' in params ? total : 0)
      : null
  const hits = top.flatMap((rowid): SearchHit[] => {
    const row = byRowid.get(rowid)
    if (!row) return []
    return [
      {
        kind: spec.kind,
        id: row.id,
        title: row.title,
        detail: row.detail,
        snippet: snippetOf(row, terms, inBody),
        reviewId: row.review_id,
        workId: row.work_id,
        date: row.date,
        rating: row.rating,
        status: row.status
      }
    ]
  })
  return { kind: spec.kind, hits, total, offset: page.offset, more: page.offset + hits.length < total }
}

/**
 * A hit's snippet: from its first text (the indexed body) at the places the index holds for
 * it, when the index could say; else from the first of its texts that holds a match.
 */
function snippetOf(row: HitRow, terms: SearchTerm[], body: BodyMatches | null): SnippetPart[] {
  const texts = [row.t1, row.t2, row.t3]
  if (!body || !row.t1) return bestSnippet(texts, terms)
  const matched = body.byDoc.get(row.rowid)
  if (matched) return highlightAt(row.t1, matched, body.common) ?? bestSnippet(texts, terms)
  // No term the index could read is in the body; words too common to read may well be.
  const opening = body.common.length ? highlightOpening(row.t1, body.common) : null
  return opening ?? bestSnippet(texts, terms, true)
}

/** True when a filter narrows the journal (the result limit is not a filter). */
function hasFilter(f: SearchFilters): boolean {
  return [f.kinds, f.status, f.ratingMin, f.ratingMax, f.tag, f.year, f.from, f.to].some(
    (v) => v !== undefined
  )
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
