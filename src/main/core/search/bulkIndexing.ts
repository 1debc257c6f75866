import type { Db } from '../db/connection'

/**
 * The triggers that keep the review, response and screening indexes in step row by row. Inside
 * a transaction, each write statement that fires one opens a statement savepoint, at which
 * FTS5 flushes what it holds to a segment of its own: a bulk import wrote one tiny segment per
 * row and spent most of its time indexing. Films keep their triggers: an import looks films up
 * by title through their index as it goes.
 */
const ROW_TRIGGERS = [
  'reviews_fts_insert',
  'reviews_fts_update',
  'reviews_fts_delete',
  'review_tags_fts_insert',
  'review_tags_fts_delete',
  'tags_fts_rename',
  'works_fts_related',
  'responses_fts_insert',
  'responses_fts_update',
  'responses_fts_delete',
  'screenings_fts_insert',
  'screenings_fts_update',
  'screenings_fts_delete'
]
const REBUILT = ['review', 'response', 'screening'] as const

/**
 * Switches a long run of writes inside the caller's transaction to indexing in bulk. After
 * enough writes, the row triggers are dropped; `finish` rebuilds the three indexes from their
 * views, one statement each, and puts the triggers back. A rollback restores them by itself.
 * A rebuild reads the whole journal, so it waits until the writes are a fair share of it.
 */
export class BulkIndexing {
  private saved: { name: string; sql: string }[] | null = null
  private writes = 0
  private readonly threshold: number

  constructor(private readonly db: Db) {
    const rows = db
      .prepare('SELECT (SELECT count(*) FROM reviews) + (SELECT count(*) FROM responses) + (SELECT count(*) FROM screenings)')
      .pluck()
      .get() as number
    this.threshold = Math.max(2000, Math.ceil(rows / 5))
  }

  /** Counts one write; the one that reaches the threshold turns the row triggers off. */
  counted(): void {
    if (this.saved || ++this.writes < this.threshold) return
    const saved = this.db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${ROW_TRIGGERS.map(() => '?').join(', ')})`)
      .all(...ROW_TRIGGERS) as { name: string; sql: string }[]
    if (saved.length !== ROW_TRIGGERS.length) throw new Error('The search index triggers are not as expected.')
    for (const { name } of saved) this.db.exec(`DROP TRIGGER ${name}`)
    this.saved = saved
  }

  /** Brings the indexes up to date and the triggers back, if they were turned off. */
  finish(): void {
    if (!this.saved) return
    for (const kind of REBUILT) {
      this.db.exec(`INSERT INTO ${kind}s_fts (${kind}s_fts) VALUES ('delete-all')`)
      this.db.exec(
        `INSERT INTO ${kind}s_fts (rowid, title, body, meta) SELECT rid, title, body, meta FROM ${kind}_search_entries`
      )
    }
    for (const { sql } of this.saved) this.db.exec(sql)
    this.saved = null
  }
}
