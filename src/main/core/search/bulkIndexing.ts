import type { Db } from '../db/connection'
import { lastChange } from '../stores/changeLog'

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
const KINDS = ['review', 'response', 'screening'] as const

/**
 * What a kind's index entries are written from. They must go in in rid order: FTS5 writes what
 * it holds out as a segment of its own whenever a rowid comes lower than the one before, and the
 * review and screening views read their rows through an index on `deleted_at`, newest first, so
 * unordered they made one segment per row to merge (5,000 reviews indexed in 2.4 s; in order, 1.1 s).
 */
const entries = (kind: (typeof KINDS)[number]) =>
  `INSERT INTO ${kind}s_fts (rowid, title, body, meta) SELECT rid, title, body, meta FROM ${kind}_search_entries`
/** Rows ordered per statement: a span of rids bounds the sort, which holds each row's text. */
const ENTRIES_SPAN = 1000
/** The triggers that take a deleted review's, response's or screening's entry out. */
const DELETE_TRIGGERS = new Set(KINDS.map((kind) => `${kind}s_fts_delete`))

/**
 * Indexes a long run of writes inside the caller's transaction once, at the end, whatever its
 * size: the row triggers are dropped at the start and `finish` writes the entries of the rows
 * the run added or changed, then puts the triggers back. A rollback restores them by itself.
 * Should the run have deleted rows or renamed tags (an import does neither), the three indexes
 * are rebuilt whole from their views instead; a run that deletes rows as a rule (sync landing
 * other computers' changes) keeps the delete triggers (`deletionsLive`), so only renamed tags
 * or a restore do.
 *
 * Rows added by the run are those past the highest `rid` at its start: `rid` is the rowid, which
 * SQLite gives a new row as the highest plus one, and no row went (a deletion rebuilds whole; with
 * deletions live, the rows the log names at or below it are written again).
 * Finding them by that range, rather than by matching the change log's ids, spares building a
 * lookup of every id an import wrote (0.2 s of a 55,000-row import).
 */
export class BulkIndexing {
  private saved: { name: string; sql: string }[]
  private readonly since: number
  /** Each kind's highest `rid` when the run began. */
  private readonly lastRid: Record<(typeof KINDS)[number], number>

  constructor(
    private readonly db: Db,
    private readonly options: { deletionsLive?: boolean } = {}
  ) {
    this.since = lastChange(db)
    const highest = (kind: string) =>
      db.prepare(`SELECT coalesce(max(rid), 0) FROM ${kind}s`).pluck().get() as number
    this.lastRid = {
      review: highest('review'),
      response: highest('response'),
      screening: highest('screening')
    }
    const saved = db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${ROW_TRIGGERS.map(() => '?').join(', ')})`
      )
      .all(...ROW_TRIGGERS) as { name: string; sql: string }[]
    if (saved.length !== ROW_TRIGGERS.length)
      throw new Error('The search index triggers are not as expected.')
    this.saved = saved.filter(({ name }) => !(options.deletionsLive && DELETE_TRIGGERS.has(name)))
    for (const { name } of this.saved) db.exec(`DROP TRIGGER ${name}`)
  }

  /** Brings the indexes up to date with the run's writes and the triggers back. */
  finish(): void {
    const changed = (kind: string, op = '') =>
      `SELECT record_id FROM change_log WHERE seq > ${this.since} AND kind = '${kind}'${op ? ` AND op = '${op}'` : ''}`
    const rebuilds = this.options.deletionsLive ? "op = 'reset'" : "op IN ('delete', 'reset')"
    const whole = this.db
      .prepare(
        `SELECT 1 FROM change_log WHERE seq > ? AND (${rebuilds} OR (kind = 'tags' AND op <> 'insert')) LIMIT 1`
      )
      .get(this.since)
    for (const kind of KINDS) {
      if (whole) {
        this.db.exec(`INSERT INTO ${kind}s_fts (${kind}s_fts) VALUES ('delete-all')`)
        this.writeEntriesAfter(kind, 0)
        continue
      }
      // Rows there before the run that it changed: their entries are written again. A review's
      // and a screening's entries hold their film's title: a film changed, they change.
      const ofChangedFilms = kind === 'response' ? '' : ` OR work_id IN (${changed('works', 'update')})`
      // With deletions, a row added may take a deleted row's `rid` at or below the start's.
      const ops = this.options.deletionsLive ? '' : 'update'
      const rewritten = `SELECT rid FROM ${kind}s WHERE rid <= ${this.lastRid[kind]} AND (id IN (${changed(`${kind}s`, ops)})${ofChangedFilms})`
      this.db.exec(`DELETE FROM ${kind}s_fts WHERE rowid IN (${rewritten})`)
      this.db.exec(`${entries(kind)} WHERE rid IN (${rewritten}) ORDER BY rid`)
      // Rows the run added, however it changed them since: indexed for the first time.
      this.writeEntriesAfter(kind, this.lastRid[kind])
    }
    for (const { sql } of this.saved) this.db.exec(sql)
    this.saved = []
  }

  /** Writes the entries of `kind`'s rows past `rid`, a span of rids at a time, in rid order. */
  private writeEntriesAfter(kind: (typeof KINDS)[number], rid: number): void {
    const last = this.db.prepare(`SELECT coalesce(max(rid), 0) FROM ${kind}s`).pluck().get() as number
    const span = this.db.prepare(`${entries(kind)} WHERE rid > ? AND rid <= ? ORDER BY rid`)
    for (let from = rid; from < last; from += ENTRIES_SPAN)
      span.run(from, Math.min(from + ENTRIES_SPAN, last))
  }
}
