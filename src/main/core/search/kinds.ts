import { RESPONSE_STATUSES, REVIEW_STATUSES } from '../../../shared/domain'
import type { SearchFilters, SearchKind } from '../../../shared/contract/search'

/**
 * Each kind's own full-text index (rowid = the row's rid), the joins to its row, and how the
 * filters apply to it. `f` is the index, `w` the film wherever a kind has one.
 */
export interface KindSpec {
  kind: SearchKind
  /** The kind's full-text index. */
  fts: 'reviews_fts' | 'responses_fts' | 'screenings_fts' | 'works_fts'
  /** Joins from the index row `f` to the kind's own row and its film. */
  joins: string
  /** The SQL expressions a filter reads, or null when the kind has no such thing. */
  status: string | null
  rating: string | null
  tagExists: string | null
  date: string | null
  year: string
  /** Rows that never show unless asked for. */
  hiddenByDefault?: string
  /** What a hit shows: id, title, detail, review_id, work_id, date, rating, status. */
  columns: string
  /** Texts a snippet is cut from, in order of preference, as t1, t2, t3. */
  texts: string
  /**
   * The index column holding t1, when t1 is the long text: its snippets are cut at the places
   * the index holds rather than by reading the text through.
   */
  bodyColumn?: 'body'
  /** The joins are needed to decide whether a row shows at all, even with no filter set. */
  joinAlways?: boolean
}

const filmLabel = "w.title || coalesce(' (' || w.year || ')', '')"
const reviewLabel = "coalesce(nullif(trim(r.title), ''), w.title, 'Untitled review')"

export const KIND_SPECS: KindSpec[] = [
  {
    kind: 'review',
    fts: 'reviews_fts',
    joins: 'JOIN reviews r ON r.rid = f.rowid LEFT JOIN works w ON w.id = r.work_id',
    status: 'r.status',
    rating: 'r.rating',
    tagExists:
      'SELECT 1 FROM review_tags x JOIN tags t ON t.id = x.tag_id WHERE x.review_id = r.id AND t.name = @tag',
    date: 'substr(coalesce(r.published_at, r.created_at), 1, 10)',
    year: 'w.year',
    columns: `r.id, ${reviewLabel} AS title, ${filmLabel} AS detail, r.id AS review_id, r.work_id,
      substr(coalesce(r.published_at, r.created_at), 1, 10) AS date, r.rating, r.status`,
    texts: 'r.body_text AS t1, r.title AS t2, w.title AS t3',
    bodyColumn: 'body'
  },
  {
    kind: 'response',
    fts: 'responses_fts',
    joins: `JOIN responses p ON p.rid = f.rowid
      JOIN reviews r ON r.id = p.review_id AND r.deleted_at IS NULL LEFT JOIN works w ON w.id = r.work_id`,
    status: 'p.status',
    rating: null,
    tagExists: null,
    date: 'substr(p.received_at, 1, 10)',
    year: 'w.year',
    hiddenByDefault: "p.status <> 'spam'",
    columns: `p.id, p.author_name AS title, 'On ' || ${reviewLabel} AS detail, r.id AS review_id, r.work_id,
      substr(p.received_at, 1, 10) AS date, NULL AS rating, p.status`,
    texts: 'p.body AS t1, p.author_name AS t2, NULL AS t3',
    bodyColumn: 'body',
    joinAlways: true
  },
  {
    kind: 'screening',
    fts: 'screenings_fts',
    joins: 'JOIN screenings s ON s.rid = f.rowid JOIN works w ON w.id = s.work_id',
    status: null,
    rating: 's.rating',
    tagExists:
      'SELECT 1 FROM screening_tags x JOIN tags t ON t.id = x.tag_id WHERE x.screening_id = s.id AND t.name = @tag',
    date: 's.watched_on',
    year: 'w.year',
    columns: `s.id, ${filmLabel} AS title, trim(coalesce(s.venue, '') || ' · ' || s.format, ' ·') AS detail,
      s.review_id, s.work_id, s.watched_on AS date, s.rating, NULL AS status`,
    texts:
      "s.notes AS t1, w.title AS t2, coalesce(s.venue, '') || ' ' || coalesce(s.format_detail, '') AS t3",
    bodyColumn: 'body'
  },
  {
    kind: 'work',
    fts: 'works_fts',
    joins: 'JOIN works w ON w.rid = f.rowid',
    status: null,
    rating: null,
    tagExists: null,
    date: null,
    year: 'w.year',
    columns: `w.id, ${filmLabel} AS title,
      nullif((SELECT group_concat(value, ', ') FROM json_each(w.directors)), '') AS detail,
      NULL AS review_id, w.id AS work_id, NULL AS date, NULL AS rating, NULL AS status`,
    texts:
      "w.title AS t1, w.original_title AS t2, (SELECT group_concat(value, ' ') FROM json_each(w.directors)) AS t3"
  }
]

const REVIEW_STATUS_SET = new Set<string>(REVIEW_STATUSES)
const RESPONSE_STATUS_SET = new Set<string>(RESPONSE_STATUSES)

/**
 * The WHERE conditions the filters put on one kind (named parameters from `filterParams`), or
 * null when the filters rule the kind out entirely.
 */
export function filterConditions(spec: KindSpec, f: SearchFilters): string[] | null {
  if (f.kinds && !f.kinds.includes(spec.kind)) return null
  const where: string[] = []
  if (f.status !== undefined) {
    const fits =
      spec.kind === 'review' ? REVIEW_STATUS_SET : spec.kind === 'response' ? RESPONSE_STATUS_SET : null
    if (!fits?.has(f.status) || !spec.status) return null
    where.push(`${spec.status} = @status`)
  } else if (spec.hiddenByDefault) where.push(spec.hiddenByDefault)
  if (f.ratingMin !== undefined || f.ratingMax !== undefined) {
    if (!spec.rating) return null
    where.push(`${spec.rating} BETWEEN @ratingMin AND @ratingMax`)
  }
  if (f.tag !== undefined) {
    if (!spec.tagExists) return null
    where.push(`EXISTS (${spec.tagExists})`)
  }
  if (f.from !== undefined || f.to !== undefined) {
    if (!spec.date) return null
    where.push(`${spec.date} BETWEEN @from AND @to`)
  }
  if (f.year !== undefined) where.push(`${spec.year} = @year`)
  return where
}

/** Named parameters for the conditions above (open ends filled in). */
export function filterParams(f: SearchFilters): Record<string, string | number> {
  const params: Record<string, string | number> = {}
  if (f.status !== undefined) params.status = f.status
  if (f.ratingMin !== undefined || f.ratingMax !== undefined) {
    params.ratingMin = f.ratingMin ?? 0
    params.ratingMax = f.ratingMax ?? 5
  }
  if (f.tag !== undefined) params.tag = f.tag
  if (f.from !== undefined || f.to !== undefined) {
    params.from = f.from ?? '0000-01-01'
    params.to = f.to ?? '9999-12-31'
  }
  if (f.year !== undefined) params.year = f.year
  return params
}
