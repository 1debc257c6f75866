import type { Db } from '../../db/connection'
import {
  RECORD_TYPES,
  type ImportProblem,
  type RecordType,
  type TypeCounts
} from '../../../../shared/contract/archive'
import { JournalFailure } from '../../context'
import { newId } from '../../ids'
import { findOrCreateWork } from '../../works/resolve'
import { createWork } from '../../works/works'
import { REVIEW_TAGS, SCREENING_TAGS, setTags } from '../../tags/tags'
import type {
  ImportRecord,
  RecordRef,
  ResponseRecord,
  ReviewRecord,
  RevisionRecord,
  ScreeningRecord,
  TagRecord,
  WorkRecord,
  WorkRef
} from '../records'
import { JournalRows, updateWorkFromArchive } from '../rows'
import { changesRecorded } from '../../stores/changeLog'
import { isNewer, RowProblem, validateRecord } from './validate'
import { withSafeUrls } from './safeUrls'
import { KnownRows } from './knownRows'

const MAX_PROBLEMS = 500

type Match = { id: string; by: 'id' | 'sourceKey'; updatedAt?: string } | null

/**
 * The one merger every import goes through. Records arrive one at a time inside the caller's
 * transaction; each is matched by our id (an archive: the newer `updatedAt` wins, nothing is
 * deleted), else by its source key (a re-import changes nothing). A bad row becomes a reported
 * problem without spoiling the rest: it is refused before anything of it is written.
 */
export class Merger {
  readonly counts: Record<RecordType, TypeCounts>
  readonly problems: ImportProblem[] = []
  problemCount = 0
  readonly notes: ImportProblem[] = []
  noteCount = 0
  /** Password-protected reviews in the source, written or already in the journal. */
  protectedReviews = 0
  private rows: JournalRows
  private known: KnownRows
  private works = new Map<string, string>()
  /** Reviews written by this import: only these receive revisions that carry no id of their own. */
  private writtenReviews = new Set<string>()
  private waitingResponses: ResponseRecord[] = []
  private parentLinks: { responseId: string; parent: RecordRef; position?: number }[] = []
  private reviewLinks: { screeningId: string; review: RecordRef; position?: number }[] = []

  constructor(private db: Db) {
    this.rows = new JournalRows(db)
    this.known = new KnownRows(this.rows, db)
    this.counts = Object.fromEntries(
      RECORD_TYPES.map((t) => [t, { created: 0, updated: 0, skipped: 0, reasons: {} }])
    ) as Record<RecordType, TypeCounts>
  }

  /** Writes one record (or counts its skip or problem). Never throws for a problem in the row. */
  apply(record: ImportRecord): void {
    if (record.kind === 'problem') return this.problem(record.position, record.what, record.message)
    if (record.kind === 'skip') return this.skip(record.type, record.reason)
    if (record.kind === 'note') return this.note(record.position, record.what, record.message)
    if (record.kind === 'review' && record.password) this.protectedReviews++
    const safe = withSafeUrls(record)
    for (const message of safe.problems) this.problem(record.position ?? 0, describe(record), message)
    record = safe.record
    const before = changesRecorded(this.db)
    try {
      validateRecord(record)
      this.write(record)
    } catch (err) {
      if (!(err instanceof RowProblem || err instanceof JournalFailure || isConstraintError(err))) throw err
      const message = (err as Error).message
      // No savepoint per record: a refused statement is undone by SQLite on its own, and a
      // record's later writes (its tags, its first revision) cannot fail once it is validated.
      // Should one fail anyway, part of the record is in (every store write records a change,
      // so the count moved): the whole import goes instead.
      if (!this.db.inTransaction || changesRecorded(this.db) !== before) {
        throw new JournalFailure(
          'IMPORT_FAILED',
          `${describe(record)} (#${record.position ?? 0}) could only be partly written (${message}); nothing was imported.`
        )
      }
      this.problem(record.position ?? 0, describe(record), message)
    }
  }

  /** Resolves what had to wait for later records: responses before their review, replies before their parent. */
  finish(): void {
    const waiting = this.waitingResponses
    this.waitingResponses = []
    for (const response of waiting) {
      if (this.resolveReview(response.review)) this.apply(response)
      else
        this.problem(
          response.position ?? 0,
          'response',
          `its review (${refText(response.review)}) is not in the file or the journal`
        )
    }
    for (const link of this.parentLinks) {
      const parentId = this.resolveRow('responses', link.parent)
      if (parentId) this.rows.linkResponseParent(link.responseId, parentId)
      else
        this.problem(
          link.position ?? 0,
          'response',
          `the response it replies to (${refText(link.parent)}) is missing; kept as a top-level response`
        )
    }
    for (const link of this.reviewLinks) {
      const reviewId = this.resolveReview(link.review)
      if (reviewId) this.rows.linkScreeningReview(link.screeningId, reviewId)
      else
        this.problem(
          link.position ?? 0,
          'screening',
          `its review (${refText(link.review)}) is missing; kept without it`
        )
    }
  }

  private write(
    record: Exclude<ImportRecord, { kind: 'problem' } | { kind: 'skip' } | { kind: 'note' }>
  ): void {
    switch (record.kind) {
      case 'work':
        return this.writeWork(record)
      case 'tag':
        return this.writeTag(record)
      case 'review':
        return this.writeReview(record)
      case 'revision':
        return this.writeRevision(record)
      case 'screening':
        return this.writeScreening(record)
      case 'response':
        return this.writeResponse(record)
    }
  }

  private match(
    table: 'works' | 'reviews' | 'screenings' | 'responses',
    record: { id?: string; sourceKey?: string }
  ): Match {
    const find = (column: 'id' | 'source_key', value: string) =>
      table === 'works' ? this.rows.find(table, column, value) : this.known.find(table, column, value)
    if (record.id) {
      const row = find('id', record.id)
      if (row) return { id: row.id, by: 'id', updatedAt: row.updated_at }
    }
    if (record.sourceKey) {
      const row = find('source_key', record.sourceKey)
      if (row) return { id: row.id, by: 'sourceKey' }
    }
    return null
  }

  /** Whether a matched row should be overwritten; counts the skip when not. */
  private shouldUpdate(type: RecordType, match: NonNullable<Match>, updatedAt: string | undefined): boolean {
    if (match.by === 'id' && match.updatedAt && isNewer(updatedAt, match.updatedAt)) return true
    this.skip(type, match.by === 'id' ? 'already up to date' : 'already imported')
    return false
  }

  private writeWork(w: WorkRecord): void {
    const found = this.match('works', w)
    if (found) {
      if (this.shouldUpdate('work', found, w.updatedAt)) {
        updateWorkFromArchive(this.db, found.id, w)
        this.count('work', 'updated')
      }
      this.remember(w, found.id)
      return
    }
    if (!w.id && !w.sourceKey) {
      // A film described only by what it is: find it like any reference, create it if new.
      const { created } = this.workFor({
        title: w.title,
        year: w.year,
        directors: w.directors,
        letterboxdUri: w.letterboxdUri,
        tmdbId: w.tmdbId,
        imdbId: w.imdbId
      })
      if (created) this.count('work', 'created')
      else this.skip('work', 'already in the journal')
      return
    }
    const work = createWork(this.db, { ...w, id: w.id ?? newId(), sourceKey: w.sourceKey ?? null })
    this.remember(w, work.id)
    this.count('work', 'created')
  }

  private remember(w: { id?: string; sourceKey?: string }, id: string): void {
    if (w.sourceKey) this.works.set(`s:${w.sourceKey}`, id)
    if (w.id) this.works.set(`i:${w.id}`, id)
  }

  /** The film a record names, created if new, counted when created. */
  private resolveWork(ref: WorkRef): string {
    const { id, created } = this.workFor(ref)
    if (created) this.count('work', 'created')
    return id
  }

  private workFor(ref: WorkRef): { id: string; created: boolean } {
    // A film described by title, year and ids is looked up once per import: a diary names the
    // same film on many rows (and lists it first as a film), and a title lookup goes through
    // the full-text index.
    const key =
      'id' in ref
        ? `i:${ref.id}`
        : 'sourceKey' in ref
          ? `s:${ref.sourceKey}`
          : `d:${JSON.stringify([ref.title, ref.year, ref.letterboxdUri ?? null, ref.tmdbId ?? null, ref.imdbId ?? null])}`
    const known = this.works.get(key)
    if (known) return { id: known, created: false }
    const { work, created } = findOrCreateWork(this.db, ref)
    this.works.set(key, work.id)
    return { id: work.id, created }
  }

  private writeTag(t: TagRecord): void {
    if ((t.id && this.rows.find('tags', 'id', t.id)) || this.rows.find('tags', 'name', t.name.trim())) {
      return this.skip('tag', 'already in the journal')
    }
    this.rows.insertTag(t.id ?? newId(), t.name)
    this.count('tag', 'created')
  }

  private writeReview(r: ReviewRecord): void {
    const found = this.match('reviews', r)
    if (found && !this.shouldUpdate('review', found, r.updatedAt)) return
    const workId = r.work ? this.resolveWork(r.work) : null
    const id = found?.id ?? r.id ?? newId()
    const text = this.rows.writeReview(found ? 'update' : 'insert', id, workId, r)
    this.known.wrote('reviews', id, found ? null : r.sourceKey)
    if (found || r.tags.length) setTags(this.db, REVIEW_TAGS, id, r.tags)
    this.writtenReviews.add(id)
    // Reviews from other tools arrive without a history: their first revision records the import.
    if (!found && !r.id)
      this.rows.insertRevision(
        newId(),
        id,
        {
          title: r.title,
          body: r.body,
          reason: 'import',
          label: null,
          createdAt: r.updatedAt ?? r.createdAt
        },
        text
      )
    this.count('review', found ? 'updated' : 'created')
  }

  private writeRevision(v: RevisionRecord): void {
    const reviewId = this.resolveReview(v.review)
    if (!reviewId) throw new RowProblem(`its review (${refText(v.review)}) is not in the file or the journal`)
    if (v.id ? this.rows.find('review_revisions', 'id', v.id) : !this.writtenReviews.has(reviewId)) {
      return this.skip('revision', 'already in the journal')
    }
    this.rows.insertRevision(v.id ?? newId(), reviewId, v)
    this.count('revision', 'created')
  }

  private writeScreening(s: ScreeningRecord): void {
    const found = this.match('screenings', s)
    if (found && !this.shouldUpdate('screening', found, s.updatedAt)) return
    const workId = this.resolveWork(s.work)
    const id = found?.id ?? s.id ?? newId()
    const reviewId = s.review ? this.resolveReview(s.review) : null
    this.rows.writeScreening(found ? 'update' : 'insert', id, workId, reviewId, s)
    this.known.wrote('screenings', id, found ? null : s.sourceKey)
    if (found || s.tags.length) setTags(this.db, SCREENING_TAGS, id, s.tags)
    if (s.review && !reviewId)
      this.reviewLinks.push({ screeningId: id, review: s.review, position: s.position })
    this.count('screening', found ? 'updated' : 'created')
  }

  private writeResponse(r: ResponseRecord): void {
    const reviewId = this.resolveReview(r.review)
    if (!reviewId) {
      this.waitingResponses.push(r)
      return
    }
    const found = this.match('responses', r)
    if (found && !this.shouldUpdate('response', found, r.updatedAt)) return
    const id = found?.id ?? r.id ?? newId()
    const parentId = r.parent ? this.resolveRow('responses', r.parent) : null
    this.rows.writeResponse(found ? 'update' : 'insert', id, reviewId, parentId, r)
    this.known.wrote('responses', id, found ? null : r.sourceKey)
    if (r.parent && !parentId)
      this.parentLinks.push({ responseId: id, parent: r.parent, position: r.position })
    this.count('response', found ? 'updated' : 'created')
  }

  private resolveReview(ref: RecordRef): string | null {
    return this.resolveRow('reviews', ref)
  }

  private resolveRow(table: 'reviews' | 'responses', ref: RecordRef): string | null {
    return 'id' in ref
      ? this.known.idOf(table, 'id', ref.id)
      : this.known.idOf(table, 'source_key', ref.sourceKey)
  }

  private count(type: RecordType, what: 'created' | 'updated'): void {
    this.counts[type][what]++
  }

  private skip(type: RecordType, reason: string): void {
    const counts = this.counts[type]
    counts.skipped++
    counts.reasons[reason] = (counts.reasons[reason] ?? 0) + 1
  }

  private note(position: number, what: string, message: string): void {
    this.noteCount++
    if (this.notes.length < MAX_PROBLEMS) this.notes.push({ position, what, message })
  }

  private problem(position: number, what: string, message: string): void {
    this.problemCount++
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ position, what, message })
  }
}

function isConstraintError(err: unknown): boolean {
  return (
    typeof (err as { code?: unknown }).code === 'string' &&
    (err as { code: string }).code.startsWith('SQLITE_CONSTRAINT')
  )
}

function refText(ref: RecordRef): string {
  return 'id' in ref ? ref.id : ref.sourceKey
}

function describe(
  record: Exclude<ImportRecord, { kind: 'problem' } | { kind: 'skip' } | { kind: 'note' }>
): string {
  const name = 'title' in record && record.title ? ` “${record.title.slice(0, 60)}”` : ''
  return `${record.kind}${name}`
}
