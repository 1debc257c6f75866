import type { Db } from '../db/connection'
import type { DiaryFacets, DiaryFilter, DiaryIndex, ScreeningEntry } from '../../../shared/contract/screenings'
import { DIARY_ORDER, ENTRY_SELECT, toEntries, type DbScreeningEntry } from './screenings'

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
  const rows = db
    .prepare(`${ENTRY_SELECT} WHERE ${where.sql} ${DIARY_ORDER} LIMIT ? OFFSET ?`)
    .all(...where.params, limit, offset) as DbScreeningEntry[]
  return toEntries(db, rows)
}

/** Every filtered screening at once (the CLI and exports; the diary pages instead). */
export function filteredScreenings(db: Db, filter: DiaryFilter): ScreeningEntry[] {
  const where = filterWhere(filter)
  const rows = db.prepare(`${ENTRY_SELECT} WHERE ${where.sql} ${DIARY_ORDER}`).all(...where.params) as DbScreeningEntry[]
  return toEntries(db, rows)
}

const strings = (db: Db, sql: string) => (db.prepare(sql).pluck().all() as string[]).filter(Boolean)

/** Values used in live screenings, most used first, for the filter menus and the dialog's suggestions. */
export function diaryFacets(db: Db): DiaryFacets {
  const live = 'FROM screenings WHERE deleted_at IS NULL'
  return {
    years: (
      db.prepare(`SELECT DISTINCT CAST(substr(watched_on, 1, 4) AS INTEGER) ${live} ORDER BY 1 DESC`).pluck().all() as number[]
    ),
    venues: strings(db, `SELECT venue ${live} AND venue IS NOT NULL GROUP BY venue COLLATE NOCASE ORDER BY count(*) DESC, venue LIMIT 500`),
    formatDetails: strings(
      db,
      `SELECT format_detail ${live} AND format_detail IS NOT NULL GROUP BY format_detail COLLATE NOCASE ORDER BY count(*) DESC LIMIT 500`
    ),
    companions: strings(
      db,
      `SELECT j.value FROM screenings s, json_each(s.companions) j WHERE s.deleted_at IS NULL
       GROUP BY j.value COLLATE NOCASE ORDER BY count(*) DESC LIMIT 500`
    ),
    tags: strings(
      db,
      `SELECT t.name FROM tags t JOIN screening_tags st ON st.tag_id = t.id JOIN screenings s ON s.id = st.screening_id
       WHERE s.deleted_at IS NULL GROUP BY t.id ORDER BY t.name LIMIT 1000`
    )
  }
}
