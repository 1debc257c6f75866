import type { Db } from '../db/connection'
import type { IntegrityReport } from '../../../shared/contract'
import { KIND_SPECS } from '../search/kinds'

/** quick_check, foreign keys and the full-text indexes' own integrity checks, plus row counts. */
export function checkIntegrity(db: Db): IntegrityReport {
  const problems: string[] = []
  const quick = db.pragma('quick_check') as { quick_check: string }[]
  for (const row of quick) if (row.quick_check !== 'ok') problems.push(row.quick_check)
  const fks = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]
  for (const fk of fks) problems.push(`${fk.table} row ${fk.rowid} points to a missing ${fk.parent}`)
  for (const { fts: index } of KIND_SPECS) {
    // FTS5's own check command, not a write: the search indexes belong to search (their triggers
    // and search/bulkIndexing.ts), the only tables outside core/stores written outside migrations.
    try {
      db.prepare(`INSERT INTO ${index} (${index}) VALUES ('integrity-check')`).run()
    } catch (err) {
      problems.push(`search index ${index}: ${(err as Error).message}`)
    }
  }
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  return {
    ok: problems.length === 0,
    problems,
    counts: {
      works: count('works'),
      reviews: count('reviews'),
      screenings: count('screenings'),
      responses: count('responses'),
      revisions: count('review_revisions')
    }
  }
}
