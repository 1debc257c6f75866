/**
 * The time window a statistic covers: everything, or one calendar year. Conditions are written
 * as ranges on the stored ISO text so the date indexes serve them.
 */
export interface Scope {
  year: number | null
}

/** A condition on an ISO date or timestamp column, with its parameters, for the scope. */
export function within(column: string, scope: Scope): { sql: string; params: string[] } {
  if (scope.year === null) return { sql: '1', params: [] }
  return { sql: `${column} >= ? AND ${column} < ?`, params: [`${scope.year}`, `${scope.year + 1}`] }
}

/** Every month from `first` to `last` (YYYY-MM, inclusive) as a recursive CTE named `months`. */
export function monthsCte(first: string, last: string): { sql: string; params: string[] } {
  return {
    sql: `WITH RECURSIVE months(month) AS (
      SELECT ? UNION ALL
      SELECT strftime('%Y-%m', month || '-01', '+1 month') FROM months WHERE month < ?
    )`,
    params: [first, last]
  }
}
