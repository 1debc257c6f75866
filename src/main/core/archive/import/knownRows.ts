import type { Db } from '../../db/connection'
import type { JournalRows } from '../rows'

/** The tables whose rows only the merger's own writes add during an import (films are not). */
export type KnownTable = 'reviews' | 'screenings' | 'responses'
type Column = 'id' | 'source_key'
type Found = { id: string; updated_at?: string } | undefined

/**
 * The merger's lookups of rows by id or source key, without asking the journal again what this
 * import already knows. A WordPress import asks three times a comment (its post, itself, the
 * comment it answers): 150,000 queries for 50,000 comments. Rows this import inserted or found
 * are remembered (ids and source keys never change while it runs, and nothing is deleted), and
 * a table that held no row when the import began holds only what the import wrote since.
 */
export class KnownRows {
  private ids = {
    reviews: { id: new Map<string, string>(), source_key: new Map<string, string>() },
    screenings: { id: new Map<string, string>(), source_key: new Map<string, string>() },
    responses: { id: new Map<string, string>(), source_key: new Map<string, string>() }
  }
  private fresh = new Set<KnownTable>()

  constructor(
    private rows: JournalRows,
    db: Db
  ) {
    for (const table of ['reviews', 'screenings', 'responses'] as const)
      if (!db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get()) this.fresh.add(table)
  }

  /** The row with its `updated_at`, for matching a record against it. */
  find(table: KnownTable, column: Column, value: string): Found {
    if (this.fresh.has(table) && !this.ids[table][column].has(value)) return undefined
    return this.rows.find(table, column, value)
  }

  /** The id of the row that `column` = `value` names, or null when there is none (yet). */
  idOf(table: KnownTable, column: Column, value: string): string | null {
    const known = this.ids[table][column]
    const id = known.get(value)
    if (id !== undefined || this.fresh.has(table)) return id ?? null
    const row = this.rows.find(table, column, value)
    if (row) known.set(value, row.id)
    return row?.id ?? null
  }

  /** A row the import has just written: its id, and the source key it was inserted with. */
  wrote(table: KnownTable, id: string, insertedWithSourceKey?: string | null): void {
    this.ids[table].id.set(id, id)
    if (insertedWithSourceKey) this.ids[table].source_key.set(insertedWithSourceKey, id)
  }
}
