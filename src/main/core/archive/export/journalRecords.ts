/*
 * The export side of the archive module, and its one read model of the journal:
 *
 *   journal tables ──(one read transaction, in batches)──▶ neutral records ──▶ a format's writer
 *
 * The records are the ones the importers produce (records.ts), with ids, dates and stored
 * documents filled in (recordsOfRows.ts). Writers (formats/<name>/writer.ts) never read the
 * journal themselves: they take `JournalRecords` and write what they need from it. Reading in
 * batches keeps an export's memory bounded by one batch, however many reviews the journal holds.
 */
import { cachedStatement, type Db } from '../../db/connection'
import { REVIEW_TAGS, SCREENING_TAGS, tagsByOwner } from '../../tags/tags'
import type { WorkRef } from '../records'
import {
  responseOfRow,
  reviewOfRow,
  revisionOfRow,
  screeningOfRow,
  tagOfRow,
  workOfRow,
  type DbRow,
  type ExportedResponse,
  type ExportedReview,
  type ExportedRevision,
  type ExportedScreening,
  type ExportedTag,
  type ExportedWork
} from './recordsOfRows'

export type {
  ExportedResponse,
  ExportedReview,
  ExportedRevision,
  ExportedScreening,
  ExportedTag,
  ExportedWork
} from './recordsOfRows'

/** A film as a readable export names it: what the film is, not its id. */
export type DescribedWork = Extract<WorkRef, { title: string }> & { directors: string[] }

/** A live review with its film described and its responses (in the order they arrived). */
export type ReviewWithThread = Omit<ExportedReview, 'work'> & {
  work: DescribedWork | null
  responses: ExportedResponse[]
}

/** One line of the contents: a live review's id, title and creation date. */
export interface ReviewEntry {
  id: string
  title: string
  createdAt: string
}

interface TableRecords {
  works: ExportedWork
  tags: ExportedTag
  reviews: ExportedReview
  revisions: ExportedRevision
  screenings: ExportedScreening
  responses: ExportedResponse
}
export type TableName = keyof TableRecords

const SQL_TABLE: Record<TableName, string> = {
  works: 'works',
  tags: 'tags',
  reviews: 'reviews',
  revisions: 'review_revision_texts',
  screenings: 'screenings',
  responses: 'responses'
}
/** Rows per batch: large enough that a query's cost is spread thin, small enough to hold at once. */
const BATCH = 500
/** Live reviews per batch: each comes with its text, film and responses. */
const REVIEW_BATCH = 100
const IN_BATCH = 'IN (SELECT value FROM json_each(?))'

/**
 * The columns each table's records are made from. Reviews and revisions name theirs: the
 * derived plain text beside each document would double what an export reads. Without
 * `documents`, the documents themselves stay on the disk too (their records' `body` is not to be read).
 */
function columns(table: TableName, documents = true): string {
  const body = documents ? 'body' : "'' AS body"
  if (table === 'reviews') {
    return `rid, id, work_id, title, ${body}, status, rating, has_spoilers, responses_closed, outlet, published_url, published_at,
      target_words, slug, standfirst, password, source_key, is_sample, created_at, updated_at, deleted_at`
  }
  if (table === 'revisions') return `rid, id, review_id, title, ${body}, reason, label, created_at`
  return '*'
}

/**
 * Runs `write` with the journal's records, all read inside one read transaction so that every
 * table is read from the same moment.
 */
export async function readJournal<T>(db: Db, write: (journal: JournalRecords) => Promise<T>): Promise<T> {
  db.exec('BEGIN')
  try {
    return await write(new JournalRecords(db))
  } finally {
    db.exec('COMMIT')
  }
}

export class JournalRecords {
  constructor(private readonly db: Db) {}

  /** How many rows `table` holds (live and deleted). */
  count(table: TableName): number {
    return this.db.prepare(`SELECT count(*) FROM ${SQL_TABLE[table]}`).pluck().get() as number
  }

  /**
   * Every row of `table` as records, in the order they were written; responses with every
   * parent before its replies. `live` leaves out reviews and screenings in the trash;
   * `documents: false` leaves review and revision documents unread (see `columns`).
   */
  *table<K extends TableName>(
    table: K,
    options: { live?: boolean; documents?: boolean } = {}
  ): Generator<TableRecords[K][]> {
    if (table === 'responses') return yield* this.responsesParentsFirst() as Generator<TableRecords[K][]>
    // Pages in rowid order; the trash is left out here, not in SQL, where the planner would
    // take the deleted_at index and sort the whole table again for every page.
    const page = this.db.prepare(
      `SELECT ${columns(table, options.documents)} FROM ${SQL_TABLE[table]} WHERE rid > ? ORDER BY rid LIMIT ${BATCH}`
    )
    const liveOnly = options.live && (table === 'reviews' || table === 'screenings')
    for (let after = 0; ; ) {
      const rows = page.all(after) as DbRow[]
      if (!rows.length) return
      after = rows[rows.length - 1].rid as number
      const kept = liveOnly ? rows.filter((r) => r.deleted_at === null) : rows
      if (kept.length) yield this.toRecords(table, kept)
    }
  }

  /** Live reviews, oldest first: what a readable export lists before it writes them. */
  liveReviews(): ReviewEntry[] {
    return (
      this.db
        .prepare(
          'SELECT id, title, created_at FROM reviews WHERE deleted_at IS NULL ORDER BY created_at, rid'
        )
        .all() as DbRow[]
    ).map((r) => ({
      id: r.id as string,
      title: r.title as string,
      createdAt: r.created_at as string
    }))
  }

  /**
   * Live reviews oldest first (as `liveReviews` lists them), each with its film and responses.
   * `readable` leaves out responses marked spam or hidden, which only the archive and WordPress keep.
   */
  *reviewsWithThreads(
    responses: 'all' | 'readable' | 'none',
    entries = this.liveReviews()
  ): Generator<ReviewWithThread[]> {
    const works = this.db.prepare(`SELECT * FROM works WHERE id ${IN_BATCH}`)
    const threads = this.db.prepare(
      `SELECT * FROM responses WHERE review_id ${IN_BATCH} ${responses === 'readable' ? "AND status NOT IN ('spam', 'hidden')" : ''} ORDER BY received_at, rid`
    )
    for (let i = 0; i < entries.length; i += REVIEW_BATCH) {
      const ids = entries.slice(i, i + REVIEW_BATCH).map((e) => e.id)
      const reviews = this.reviewsById(ids)
      const films = byId(
        (
          works.all(
            JSON.stringify([...new Set([...reviews.values()].flatMap((r) => (r.work ? [r.work.id] : [])))])
          ) as DbRow[]
        ).map(workOfRow)
      )
      const replies = new Map<string, ExportedResponse[]>()
      if (responses !== 'none') {
        for (const row of threads.all(JSON.stringify(ids)) as DbRow[]) {
          const response = responseOfRow(row)
          const list = replies.get(response.review.id)
          if (list) list.push(response)
          else replies.set(response.review.id, [response])
        }
      }
      const batch: ReviewWithThread[] = []
      for (const id of ids) {
        const review = reviews.get(id)
        if (!review) continue
        const film = review.work ? films.get(review.work.id) : undefined
        const work = film
          ? {
              title: film.title,
              year: film.year,
              directors: film.directors,
              letterboxdUri: film.letterboxdUri,
              tmdbId: film.tmdbId,
              imdbId: film.imdbId
            }
          : null
        batch.push(Object.assign(review, { work, responses: replies.get(id) ?? [] }) as ReviewWithThread)
      }
      yield batch
    }
  }

  /**
   * The reviews with these ids (a writer visiting them in an order of its own), by id. Without
   * `tags` their tags are left unread (an empty list).
   */
  reviewsById(ids: string[], options: { tags?: boolean } = {}): Map<string, ExportedReview> {
    const rows = cachedStatement(
      this.db,
      `SELECT ${columns('reviews')} FROM reviews WHERE id ${IN_BATCH}`
    ).all(JSON.stringify(ids)) as DbRow[]
    return byId(
      options.tags === false ? rows.map((r) => reviewOfRow(r, [])) : this.toRecords('reviews', rows)
    )
  }

  /** Every review's tag names, review by review (the trash's too): a WordPress channel lists its terms first. */
  reviewTagNames(): string[] {
    return [...tagsByOwner(this.db, REVIEW_TAGS).values()].flat()
  }

  /** The outlet most live reviews name, and up to `limit` of their published addresses. */
  outlets(limit: number): { commonest: string | null; publishedUrls: string[] } {
    const commonest = this.db
      .prepare(
        `SELECT outlet FROM reviews WHERE deleted_at IS NULL AND trim(coalesce(outlet, '')) <> '' GROUP BY outlet ORDER BY count(*) DESC LIMIT 1`
      )
      .pluck()
      .get() as string | undefined
    const publishedUrls = this.db
      .prepare(
        `SELECT published_url FROM reviews WHERE deleted_at IS NULL AND published_url LIKE 'http%' LIMIT ${limit}`
      )
      .pluck()
      .all() as string[]
    return { commonest: commonest ?? null, publishedUrls }
  }

  /** Responses with every parent before its replies, so that an import can link each reply as it goes. */
  private *responsesParentsFirst(): Generator<ExportedResponse[]> {
    const order = this.db
      .prepare(
        `WITH RECURSIVE thread(id, depth) AS (
           SELECT id, 0 FROM responses WHERE parent_id IS NULL
           UNION ALL SELECT r.id, t.depth + 1 FROM responses r JOIN thread t ON r.parent_id = t.id
         ) SELECT r.rid FROM responses r JOIN thread t ON t.id = r.id ORDER BY t.depth, r.rid`
      )
      .pluck()
      .all() as number[]
    const page = this.db.prepare(`SELECT * FROM responses WHERE rid ${IN_BATCH}`)
    for (let i = 0; i < order.length; i += BATCH) {
      const rids = order.slice(i, i + BATCH)
      const rows = new Map((page.all(JSON.stringify(rids)) as DbRow[]).map((r) => [r.rid as number, r]))
      yield rids.flatMap((rid) => (rows.has(rid) ? [responseOfRow(rows.get(rid)!)] : []))
    }
  }

  private toRecords<K extends TableName>(table: K, rows: DbRow[]): TableRecords[K][] {
    const ids = () => rows.map((r) => r.id as string)
    switch (table) {
      case 'works':
        return rows.map(workOfRow) as TableRecords[K][]
      case 'tags':
        return rows.map(tagOfRow) as TableRecords[K][]
      case 'revisions':
        return rows.map(revisionOfRow) as TableRecords[K][]
      case 'reviews': {
        const tags = tagsByOwner(this.db, REVIEW_TAGS, ids())
        return rows.map((r) => reviewOfRow(r, tags.get(r.id as string) ?? [])) as TableRecords[K][]
      }
      case 'screenings': {
        const tags = tagsByOwner(this.db, SCREENING_TAGS, ids())
        return rows.map((r) => screeningOfRow(r, tags.get(r.id as string) ?? [])) as TableRecords[K][]
      }
      default:
        return rows.map(responseOfRow) as TableRecords[K][]
    }
  }
}

function byId<R extends { id: string }>(records: R[]): Map<string, R> {
  return new Map(records.map((r) => [r.id, r]))
}
