import type { Db } from '../db/connection'
import type {
  DiaryFacets,
  DiaryFilter,
  DiaryIndex,
  ScreeningEntry
} from '../../../shared/contract/screenings'
import { DIARY_ORDER, ENTRY_SELECT, toEntries, type DbScreeningEntry } from './screenings'

/**
 * Live screenings in diary order (migration 3). Named, because without statistics SQLite
 * prefers the (deleted_at, watched_on) index and sorts every row to find one page.
 */
const BY_DIARY_ORDER = 'INDEXED BY screenings_diary'

/** The WHERE clause of the diary's filters (live screenings only), with its parameters. */
export function filterWhere(filter: DiaryFilter): { sql: string; params: unknown[] } {
  const clauses = ['s.deleted_at IS NULL']
  const params: unknown[] = []
  if (filter.year !== undefined) {
    // A range rather than substr(): it can use the (deleted_at, watched_on) index.
    clauses.push('s.watched_on >= ? AND s.watched_on < ?')
    params.push(`${filter.year}-01-01`, `${filter.year + 1}-01-01`)
  }
  if (filter.format !== undefined) {
    clauses.push('s.format = ?')
    params.push(filter.format)
  }
  if (filter.venue !== undefined) {
    clauses.push('s.venue = ? COLLATE NOCASE')
    params.push(filter.venue)
  }
  if (filter.tag !== undefined) {
    clauses.push(
      'EXISTS (SELECT 1 FROM screening_tags st JOIN tags t ON t.id = st.tag_id WHERE st.screening_id = s.id AND t.name = ?)'
    )
    params.push(filter.tag)
  }
  if (filter.rewatch !== undefined) {
    clauses.push('s.rewatch = ?')
    params.push(filter.rewatch ? 1 : 0)
  }
  if (filter.workId !== undefined) {
    clauses.push('s.work_id = ?')
    params.push(filter.workId)
  }
  return { sql: clauses.join(' AND '), params }
}

/** How many screenings match, and how many fall in each month, newest month first. */
export function diaryIndex(db: Db, filter: DiaryFilter): DiaryIndex {
  const where = filterWhere(filter)
  const months = db
    .prepare(
      `SELECT substr(s.watched_on, 1, 7) AS month, count(*) AS count FROM screenings s
       WHERE ${where.sql} GROUP BY month ORDER BY month DESC`
    )
    .all(...where.params) as { month: string; count: number }[]
  return { total: months.reduce((sum, m) => sum + m.count, 0), months }
}

/** Rows `offset` … `offset + limit` of the filtered diary, in the diary's order. */
export function diaryPage(db: Db, filter: DiaryFilter, offset: number, limit: number): ScreeningEntry[] {
  const where = filterWhere(filter)
  // The offset is walked on the diary-order index alone; only the page's rows are joined.
  const rows = db
    .prepare(
      `${ENTRY_SELECT} WHERE s.rid IN (SELECT s.rid FROM screenings s ${BY_DIARY_ORDER} WHERE ${where.sql} ${DIARY_ORDER} LIMIT ? OFFSET ?)
       ${DIARY_ORDER}`
    )
    .all(...where.params, limit, offset) as DbScreeningEntry[]
  return toEntries(db, rows)
}

/** Every filtered screening at once (the CLI and exports; the diary pages instead). */
export function filteredScreenings(db: Db, filter: DiaryFilter): ScreeningEntry[] {
  const where = filterWhere(filter)
  const rows = db
    .prepare(`${ENTRY_SELECT} WHERE ${where.sql} ${DIARY_ORDER}`)
    .all(...where.params) as DbScreeningEntry[]
  return toEntries(db, rows)
}

const strings = (db: Db, sql: string) => (db.prepare(sql).pluck().all() as string[]).filter(Boolean)

/** Values used in live screenings, most used first, for the filter menus and the dialog's suggestions. */
export function diaryFacets(db: Db): DiaryFacets {
  // Each of these reads every live screening: one sequential pass over the table beats walking
  // an index and jumping to each row.
  const live = 'FROM screenings NOT INDEXED WHERE deleted_at IS NULL'
  const mostUsed = (column: 'venue' | 'format_detail') =>
    strings(
      db,
      `SELECT ${column} ${live} AND ${column} IS NOT NULL GROUP BY ${column} COLLATE NOCASE ORDER BY count(*) DESC, ${column} LIMIT 500`
    )
  return {
    years: db
      .prepare(`SELECT DISTINCT CAST(substr(watched_on, 1, 4) AS INTEGER) ${live} ORDER BY 1 DESC`)
      .pluck()
      .all() as number[],
    venues: mostUsed('venue'),
    formatDetails: mostUsed('format_detail'),
    companions: strings(
      db,
      `SELECT j.value FROM screenings s NOT INDEXED, json_each(s.companions) j WHERE s.deleted_at IS NULL AND s.companions <> '[]'
       GROUP BY j.value COLLATE NOCASE ORDER BY count(*) DESC LIMIT 500`
    ),
    tags: strings(
      db,
      `SELECT t.name FROM tags t WHERE EXISTS (SELECT 1 FROM screening_tags st JOIN screenings s ON s.id = st.screening_id
         WHERE st.tag_id = t.id AND s.deleted_at IS NULL) ORDER BY t.name LIMIT 1000`
    )
  }
}
