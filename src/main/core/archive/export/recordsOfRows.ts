import type { LexicalDoc } from '../../../../shared/domain'
import type {
  ResponseRecord,
  ReviewRecord,
  RevisionRecord,
  ScreeningRecord,
  TagRecord,
  WorkRecord
} from '../records'

/**
 * Journal rows as the neutral records (records.ts): the one place the export side maps the
 * schema's columns. Every record read from the journal has its id and its dates.
 */
type Stamped = { id: string; createdAt: string; updatedAt: string }

/** A document as stored: `storedBody` is the column's JSON text, `body` parsed the first time it is read. */
export type StoredDocument = { body: LexicalDoc; storedBody: string }

export type ExportedWork = WorkRecord & Stamped
export type ExportedTag = TagRecord & { id: string }
export type ExportedReview = ReviewRecord & Stamped & StoredDocument & { work: { id: string } | null }
export type ExportedRevision = RevisionRecord & {
  id: string
  createdAt: string
  review: { id: string }
} & StoredDocument
export type ExportedScreening = ScreeningRecord &
  Stamped & { work: { id: string }; review: { id: string } | null }
export type ExportedResponse = ResponseRecord &
  Stamped & { review: { id: string }; parent: { id: string } | null }

export type DbRow = Record<string, unknown>
const bool = (v: unknown) => v === 1
const json = <T>(v: unknown) => JSON.parse(v as string) as T
const text = (v: unknown) => v as string
const maybe = (v: unknown) => (v ?? null) as string | null
const number = (v: unknown) => (v ?? null) as number | null
const ref = (v: unknown) => (v === null || v === undefined ? null : { id: v as string })
/** A source key as records carry it: absent rather than null. */
const origin = (r: DbRow) => ({
  ...(r.source_key === null ? {} : { sourceKey: text(r.source_key) }),
  isSample: bool(r.is_sample)
})
const stamps = (r: DbRow) => ({ createdAt: text(r.created_at), updatedAt: text(r.updated_at) })

/**
 * A record's stored document: the column's text, parsed the first time a writer reads `body`.
 * The journal archive copies the stored text as it is and never needs the parsed document.
 */
class StoredDocumentHolder {
  declare storedBody: string
  get body(): LexicalDoc {
    let doc = parsedDocuments.get(this)
    if (!doc) parsedDocuments.set(this, (doc = JSON.parse(this.storedBody) as LexicalDoc))
    return doc
  }
}

/**
 * Parsed documents by record, kept off the record itself so writers that copy a record's fields
 * never see them. Not a `#private` field: the security scan of the packaged app cannot read those.
 */
const parsedDocuments = new WeakMap<StoredDocumentHolder, LexicalDoc>()

function withStoredDocument<R extends object>(record: R, stored: string): R & StoredDocument {
  return Object.assign(new StoredDocumentHolder(), record, { storedBody: stored }) as R & StoredDocument
}

export function workOfRow(r: DbRow): ExportedWork {
  return {
    kind: 'work',
    id: text(r.id),
    title: text(r.title),
    originalTitle: maybe(r.original_title),
    year: number(r.year),
    directors: json<string[]>(r.directors),
    runtimeMinutes: number(r.runtime_minutes),
    letterboxdUri: maybe(r.letterboxd_uri),
    tmdbId: maybe(r.tmdb_id),
    imdbId: maybe(r.imdb_id),
    ...origin(r),
    ...stamps(r)
  }
}

export function tagOfRow(r: DbRow): ExportedTag {
  return { kind: 'tag', id: text(r.id), name: text(r.name) }
}

export function reviewOfRow(r: DbRow, tags: string[]): ExportedReview {
  const record = {
    kind: 'review' as const,
    id: text(r.id),
    work: ref(r.work_id),
    title: text(r.title),
    status: r.status as ReviewRecord['status'],
    rating: number(r.rating),
    tags,
    hasSpoilers: bool(r.has_spoilers),
    responsesClosed: bool(r.responses_closed),
    outlet: maybe(r.outlet),
    publishedUrl: maybe(r.published_url),
    publishedAt: maybe(r.published_at),
    targetWords: number(r.target_words),
    slug: maybe(r.slug),
    standfirst: text(r.standfirst),
    password: maybe(r.password),
    ...origin(r),
    ...stamps(r),
    deletedAt: maybe(r.deleted_at)
  }
  return withStoredDocument(record, text(r.body))
}

export function revisionOfRow(r: DbRow): ExportedRevision {
  const record = {
    kind: 'revision' as const,
    id: text(r.id),
    review: { id: text(r.review_id) },
    title: text(r.title),
    reason: r.reason as RevisionRecord['reason'],
    label: maybe(r.label),
    createdAt: text(r.created_at)
  }
  return withStoredDocument(record, text(r.body))
}

export function screeningOfRow(r: DbRow, tags: string[]): ExportedScreening {
  return {
    kind: 'screening',
    id: text(r.id),
    work: { id: text(r.work_id) },
    watchedOn: text(r.watched_on),
    watchedTime: maybe(r.watched_time),
    venue: maybe(r.venue),
    format: r.format as ScreeningRecord['format'],
    formatDetail: maybe(r.format_detail),
    companions: json<string[]>(r.companions),
    rewatch: bool(r.rewatch),
    walkedOut: bool(r.walked_out),
    rating: number(r.rating),
    tags,
    notes: text(r.notes),
    embargoUntil: maybe(r.embargo_until),
    review: ref(r.review_id),
    ...origin(r),
    ...stamps(r),
    deletedAt: maybe(r.deleted_at)
  }
}

export function responseOfRow(r: DbRow): ExportedResponse {
  return {
    kind: 'response',
    id: text(r.id),
    review: { id: text(r.review_id) },
    parent: ref(r.parent_id),
    authorName: text(r.author_name),
    authorEmail: maybe(r.author_email),
    authorUrl: maybe(r.author_url),
    body: text(r.body),
    receivedAt: text(r.received_at),
    status: r.status as ResponseRecord['status'],
    isOwnReply: bool(r.is_own_reply),
    starred: bool(r.starred),
    ...(r.source_key === null ? {} : { sourceKey: text(r.source_key) }),
    ...stamps(r)
  }
}
