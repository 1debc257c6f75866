import type { Db } from '../db/connection'
import type { Statement } from 'better-sqlite3'
import { now } from '../ids'
import { insertReview, insertRevision, reviewText, updateReview, type ReviewText } from '../stores/reviews'
import { insertScreening, updateScreening } from '../stores/screenings'
import { insertResponse, updateResponse } from '../stores/responses'
import { insertTag } from '../stores/tags'
import { updateWork } from '../stores/works'
import type { ResponseRecord, ReviewRecord, RevisionRecord, ScreeningRecord } from './records'

type Table = 'works' | 'reviews' | 'screenings' | 'responses'

/**
 * What the merger reads and writes with. Lookups are prepared once per import; writes go through
 * the stores (core/stores), which own each table and record every change. Each write takes a
 * record already validated and its references already resolved to our ids.
 */
export class JournalRows {
  private cache = new Map<string, Statement>()
  constructor(readonly db: Db) {}

  private stmt(sql: string): Statement {
    let s = this.cache.get(sql)
    if (!s) {
      s = this.db.prepare(sql)
      this.cache.set(sql, s)
    }
    return s
  }

  /** The row of `table` with this id or source key, with its `updated_at`. */
  find(
    table: Table | 'tags' | 'review_revisions',
    column: 'id' | 'source_key' | 'name',
    value: string
  ): { id: string; updated_at?: string } | undefined {
    const cols = table === 'tags' || table === 'review_revisions' ? 'id' : 'id, updated_at'
    return this.stmt(`SELECT ${cols} FROM ${table} WHERE ${column} = ?`).get(value) as
      | { id: string; updated_at?: string }
      | undefined
  }

  insertTag(id: string, name: string): void {
    insertTag(this.db, id, name)
  }

  /** Writes a review; answers the text derived from its document (see `insertRevision`). */
  writeReview(mode: 'insert' | 'update', id: string, workId: string | null, r: ReviewRecord): ReviewText {
    const at = now()
    const columns = {
      work_id: workId,
      title: r.title,
      rating: r.rating,
      status: r.status,
      has_spoilers: r.hasSpoilers ? 1 : 0,
      responses_closed: r.responsesClosed ? 1 : 0,
      outlet: r.outlet ?? null,
      published_url: r.publishedUrl ?? null,
      published_at: r.publishedAt ?? null,
      target_words: r.targetWords ?? null,
      slug: r.slug ?? null,
      is_sample: r.isSample ? 1 : 0,
      standfirst: r.standfirst ?? '',
      password: r.password || null,
      updated_at: r.updatedAt ?? at,
      deleted_at: r.deletedAt ?? null
    }
    if (mode === 'insert') {
      return insertReview(this.db, {
        ...columns,
        id,
        body: r.body,
        has_spoilers: Boolean(r.hasSpoilers),
        responses_closed: r.responsesClosed,
        is_sample: Boolean(r.isSample),
        source_key: r.sourceKey ?? null,
        created_at: r.createdAt ?? r.updatedAt ?? at
      })
    }
    const text = reviewText(r.body)
    updateReview(this.db, id, { ...columns, ...text })
    return text
  }

  /**
   * A revision. `reviewsText`: its document is the review's own, just written, with that text
   * derived; the revision then shares the review's text instead of holding a copy.
   */
  insertRevision(
    id: string,
    reviewId: string,
    r: Pick<RevisionRecord, 'title' | 'body' | 'reason' | 'label' | 'createdAt'>,
    reviewsText?: ReviewText
  ): void {
    const row = {
      id,
      review_id: reviewId,
      title: r.title,
      ...(reviewsText ?? reviewText(r.body)),
      reason: r.reason,
      label: r.label,
      created_at: r.createdAt ?? now()
    }
    insertRevision(this.db, row, reviewsText !== undefined)
  }

  writeScreening(
    mode: 'insert' | 'update',
    id: string,
    workId: string,
    reviewId: string | null,
    s: ScreeningRecord
  ): void {
    const at = now()
    const columns = {
      work_id: workId,
      watched_on: s.watchedOn,
      watched_time: s.watchedTime ?? null,
      venue: s.venue,
      format: s.format,
      format_detail: s.formatDetail ?? null,
      companions: JSON.stringify(s.companions),
      rating: s.rating,
      notes: s.notes,
      embargo_until: s.embargoUntil ?? null,
      review_id: reviewId,
      updated_at: s.updatedAt ?? at,
      deleted_at: s.deletedAt ?? null
    }
    if (mode === 'insert') {
      insertScreening(this.db, {
        ...columns,
        id,
        rewatch: s.rewatch,
        walked_out: Boolean(s.walkedOut),
        is_sample: Boolean(s.isSample),
        source_key: s.sourceKey ?? null,
        created_at: s.createdAt ?? s.updatedAt ?? at
      })
    } else {
      updateScreening(this.db, id, {
        ...columns,
        rewatch: s.rewatch ? 1 : 0,
        walked_out: s.walkedOut ? 1 : 0,
        is_sample: s.isSample ? 1 : 0
      })
    }
  }

  linkScreeningReview(screeningId: string, reviewId: string): void {
    updateScreening(this.db, screeningId, { review_id: reviewId })
  }

  writeResponse(
    mode: 'insert' | 'update',
    id: string,
    reviewId: string,
    parentId: string | null,
    r: ResponseRecord
  ): void {
    // One object literal a response: spreading one object into another with more fields took
    // V8's slow path, 9 µs a row, more than the insert itself (50,000 rows a WordPress import).
    const at = now()
    if (mode === 'insert') {
      insertResponse(this.db, {
        id,
        review_id: reviewId,
        parent_id: parentId,
        author_name: r.authorName,
        author_email: r.authorEmail,
        author_url: r.authorUrl,
        body: r.body,
        received_at: r.receivedAt,
        status: r.status,
        is_own_reply: r.isOwnReply,
        starred: Boolean(r.starred),
        source_key: r.sourceKey ?? null,
        created_at: r.createdAt ?? r.receivedAt ?? at,
        updated_at: r.updatedAt ?? at
      })
    } else {
      updateResponse(this.db, id, {
        review_id: reviewId,
        parent_id: parentId,
        author_name: r.authorName,
        author_email: r.authorEmail,
        author_url: r.authorUrl,
        body: r.body,
        received_at: r.receivedAt,
        status: r.status,
        is_own_reply: r.isOwnReply ? 1 : 0,
        starred: r.starred ? 1 : 0,
        updated_at: r.updatedAt ?? at
      })
    }
  }

  linkResponseParent(responseId: string, parentId: string): void {
    updateResponse(this.db, responseId, { parent_id: parentId })
  }
}

/** Overwrites a film with a newer copy from an archive, keeping that copy's `updated_at`. */
export function updateWorkFromArchive(db: Db, id: string, w: import('./records').WorkRecord): void {
  updateWork(db, id, {
    title: w.title.trim(),
    original_title: w.originalTitle ?? null,
    year: w.year,
    directors: JSON.stringify(w.directors),
    runtime_minutes: w.runtimeMinutes ?? null,
    letterboxd_uri: w.letterboxdUri ?? null,
    tmdb_id: w.tmdbId ?? null,
    imdb_id: w.imdbId ?? null,
    is_sample: w.isSample ? 1 : 0,
    updated_at: w.updatedAt ?? now()
  })
}
