import type { Db } from '../db/connection'
import type { Statement } from 'better-sqlite3'
import { countWords, lexicalToPlainText } from '../../../shared/conversions/plainText'
import { now } from '../ids'
import type { ResponseRecord, ReviewRecord, RevisionRecord, ScreeningRecord } from './records'

type Table = 'works' | 'reviews' | 'screenings' | 'responses'

/**
 * The SQL the merger writes with, prepared once per import. Each write takes a record already
 * validated and its references already resolved to our ids.
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
  find(table: Table | 'tags' | 'review_revisions', column: 'id' | 'source_key' | 'name', value: string): { id: string; updated_at?: string } | undefined {
    const cols = table === 'tags' || table === 'review_revisions' ? 'id' : 'id, updated_at'
    return this.stmt(`SELECT ${cols} FROM ${table} WHERE ${column} = ?`).get(value) as { id: string; updated_at?: string } | undefined
  }

  insertTag(id: string, name: string): void {
    this.stmt('INSERT INTO tags (id, name) VALUES (?, ?)').run(id, name.trim())
  }

  writeReview(mode: 'insert' | 'update', id: string, workId: string | null, r: ReviewRecord): void {
    const text = lexicalToPlainText(r.body)
    const at = now()
    const values = [
      workId, r.title, JSON.stringify(r.body), text, countWords(text), r.rating, r.status,
      r.hasSpoilers ? 1 : 0, r.responsesClosed ? 1 : 0, r.outlet ?? null, r.publishedUrl ?? null,
      r.publishedAt ?? null, r.targetWords ?? null, r.slug ?? null, r.isSample ? 1 : 0,
      r.standfirst ?? '', r.password || null, r.updatedAt ?? at, r.deletedAt ?? null
    ]
    if (mode === 'insert') {
      this.stmt(
        `INSERT INTO reviews (work_id, title, body, body_text, word_count, rating, status, has_spoilers,
           responses_closed, outlet, published_url, published_at, target_words, slug, is_sample,
           standfirst, password, updated_at, deleted_at, id, source_key, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      ).run(...values, id, r.sourceKey ?? null, r.createdAt ?? r.updatedAt ?? at)
    } else {
      this.stmt(
        `UPDATE reviews SET work_id = ?, title = ?, body = ?, body_text = ?, word_count = ?, rating = ?,
           status = ?, has_spoilers = ?, responses_closed = ?, outlet = ?, published_url = ?,
           published_at = ?, target_words = ?, slug = ?, is_sample = ?, standfirst = ?, password = ?,
           updated_at = ?, deleted_at = ?
         WHERE id = ?`
      ).run(...values, id)
    }
  }

  insertRevision(id: string, reviewId: string, r: Pick<RevisionRecord, 'title' | 'body' | 'reason' | 'label' | 'createdAt'>): void {
    const text = lexicalToPlainText(r.body)
    this.stmt(
      `INSERT INTO review_revisions (id, review_id, title, body, body_text, word_count, reason, label, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ).run(id, reviewId, r.title, JSON.stringify(r.body), text, countWords(text), r.reason, r.label, r.createdAt ?? now())
  }

  writeScreening(mode: 'insert' | 'update', id: string, workId: string, reviewId: string | null, s: ScreeningRecord): void {
    const at = now()
    const values = [
      workId, s.watchedOn, s.watchedTime ?? null, s.venue, s.format, s.formatDetail ?? null,
      JSON.stringify(s.companions), s.rewatch ? 1 : 0, s.walkedOut ? 1 : 0, s.rating, s.notes,
      s.embargoUntil ?? null, reviewId, s.isSample ? 1 : 0, s.updatedAt ?? at, s.deletedAt ?? null
    ]
    if (mode === 'insert') {
      this.stmt(
        `INSERT INTO screenings (work_id, watched_on, watched_time, venue, format, format_detail, companions,
           rewatch, walked_out, rating, notes, embargo_until, review_id, is_sample, updated_at, deleted_at,
           id, source_key, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      ).run(...values, id, s.sourceKey ?? null, s.createdAt ?? s.updatedAt ?? at)
    } else {
      this.stmt(
        `UPDATE screenings SET work_id = ?, watched_on = ?, watched_time = ?, venue = ?, format = ?,
           format_detail = ?, companions = ?, rewatch = ?, walked_out = ?, rating = ?, notes = ?,
           embargo_until = ?, review_id = ?, is_sample = ?, updated_at = ?, deleted_at = ?
         WHERE id = ?`
      ).run(...values, id)
    }
  }

  linkScreeningReview(screeningId: string, reviewId: string): void {
    this.stmt('UPDATE screenings SET review_id = ? WHERE id = ?').run(reviewId, screeningId)
  }

  writeResponse(mode: 'insert' | 'update', id: string, reviewId: string, parentId: string | null, r: ResponseRecord): void {
    const at = now()
    const values = [
      reviewId, parentId, r.authorName, r.authorEmail, r.authorUrl, r.body, r.receivedAt, r.status,
      r.isOwnReply ? 1 : 0, r.starred ? 1 : 0, r.updatedAt ?? at
    ]
    if (mode === 'insert') {
      this.stmt(
        `INSERT INTO responses (review_id, parent_id, author_name, author_email, author_url, body, received_at,
           status, is_own_reply, starred, updated_at, id, source_key, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      ).run(...values, id, r.sourceKey ?? null, r.createdAt ?? r.receivedAt ?? at)
    } else {
      this.stmt(
        `UPDATE responses SET review_id = ?, parent_id = ?, author_name = ?, author_email = ?, author_url = ?,
           body = ?, received_at = ?, status = ?, is_own_reply = ?, starred = ?, updated_at = ? WHERE id = ?`
      ).run(...values, id)
    }
  }

  linkResponseParent(responseId: string, parentId: string): void {
    this.stmt('UPDATE responses SET parent_id = ? WHERE id = ?').run(parentId, responseId)
  }

  savepoint(): void {
    this.stmt('SAVEPOINT import_row').run()
  }
  release(): void {
    this.stmt('RELEASE import_row').run()
  }
  rollbackRow(): void {
    this.stmt('ROLLBACK TO import_row').run()
    this.stmt('RELEASE import_row').run()
  }
}

/** Overwrites a film with a newer copy from an archive, keeping that copy's `updated_at`. */
export function updateWorkFromArchive(db: Db, id: string, w: import('./records').WorkRecord): void {
  db.prepare(
    `UPDATE works SET title = ?, original_title = ?, year = ?, directors = ?, runtime_minutes = ?,
       letterboxd_uri = ?, tmdb_id = ?, imdb_id = ?, is_sample = ?, updated_at = ? WHERE id = ?`
  ).run(
    w.title.trim(), w.originalTitle ?? null, w.year, JSON.stringify(w.directors), w.runtimeMinutes ?? null,
    w.letterboxdUri ?? null, w.tmdbId ?? null, w.imdbId ?? null, w.isSample ? 1 : 0, w.updatedAt ?? now(), id
  )
}
