import { Readable } from 'node:stream'
import type { JournalRecords } from '../../export/journalRecords'
import type {
  ExportedResponse,
  ExportedReview,
  ExportedRevision,
  ExportedScreening,
  ExportedTag,
  ExportedWork
} from '../../export/journalRecords'
import type {
  ArchiveResponse,
  ArchiveReview,
  ArchiveRevision,
  ArchiveScreening,
  ArchiveTag,
  ArchiveWork,
  EntityName
} from './schema'

/** Where a review's or revision's body goes: `archiveLines` puts the stored JSON text there. */
const STORED_BODY = null as unknown as ArchiveReview['body']

/** Each record as its archive line's object, keys in the order the archive has always written them. */
const LINES: { [K in EntityName]: (r: never) => object } = {
  works: (w: ExportedWork): ArchiveWork => ({
    id: w.id,
    title: w.title,
    originalTitle: w.originalTitle ?? null,
    year: w.year,
    directors: w.directors,
    runtimeMinutes: w.runtimeMinutes ?? null,
    letterboxdUri: w.letterboxdUri ?? null,
    tmdbId: w.tmdbId ?? null,
    imdbId: w.imdbId ?? null,
    sourceKey: w.sourceKey ?? null,
    isSample: w.isSample ?? false,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt
  }),
  tags: (t: ExportedTag): ArchiveTag => ({ id: t.id, name: t.name }),
  reviews: (r: ExportedReview): ArchiveReview => ({
    id: r.id,
    workId: r.work?.id ?? null,
    title: r.title,
    body: STORED_BODY,
    status: r.status,
    rating: r.rating,
    tags: r.tags,
    hasSpoilers: r.hasSpoilers ?? false,
    responsesClosed: r.responsesClosed,
    outlet: r.outlet ?? null,
    publishedUrl: r.publishedUrl ?? null,
    publishedAt: r.publishedAt ?? null,
    targetWords: r.targetWords ?? null,
    slug: r.slug ?? null,
    standfirst: r.standfirst ?? '',
    password: r.password ?? null,
    sourceKey: r.sourceKey ?? null,
    isSample: r.isSample ?? false,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    deletedAt: r.deletedAt ?? null
  }),
  revisions: (v: ExportedRevision): ArchiveRevision => ({
    id: v.id,
    reviewId: v.review.id,
    title: v.title,
    body: STORED_BODY,
    reason: v.reason,
    label: v.label,
    createdAt: v.createdAt
  }),
  screenings: (s: ExportedScreening): ArchiveScreening => ({
    id: s.id,
    workId: s.work.id,
    watchedOn: s.watchedOn,
    watchedTime: s.watchedTime ?? null,
    venue: s.venue,
    format: s.format,
    formatDetail: s.formatDetail ?? null,
    companions: s.companions,
    rewatch: s.rewatch,
    walkedOut: s.walkedOut ?? false,
    rating: s.rating,
    tags: s.tags,
    notes: s.notes,
    embargoUntil: s.embargoUntil ?? null,
    reviewId: s.review?.id ?? null,
    sourceKey: s.sourceKey ?? null,
    isSample: s.isSample ?? false,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    deletedAt: s.deletedAt ?? null
  }),
  responses: (r: ExportedResponse): ArchiveResponse => ({
    id: r.id,
    reviewId: r.review.id,
    parentId: r.parent?.id ?? null,
    authorName: r.authorName,
    authorEmail: r.authorEmail,
    authorUrl: r.authorUrl,
    body: r.body,
    receivedAt: r.receivedAt,
    status: r.status,
    isOwnReply: r.isOwnReply,
    starred: r.starred ?? false,
    sourceKey: r.sourceKey ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt
  })
}

/**
 * The archive lines of one entity as JSON text, from the journal's records as the zip writer
 * asks for them. A body goes in as stored, not parsed and written again: the column takes only
 * valid JSON. Its key is the first `"body":null` in the line, since the values before it are ids
 * and a title, strings in which every quote is escaped.
 */
export function* archiveLines(
  entity: EntityName,
  journal: JournalRecords,
  tick: () => void
): Generator<string> {
  const line = LINES[entity] as (r: unknown) => object
  for (const batch of journal.table(entity)) {
    for (const record of batch) {
      tick()
      const text = JSON.stringify(line(record))
      yield 'storedBody' in record
        ? text.replace('"body":null', () => `"body":${oneLine(record.storedBody)}`)
        : text
    }
  }
}

/** JSON text on one line: as this app stores it, or (stored some other way) written again. */
function oneLine(json: string): string {
  return json.includes('\n') || json.includes('\r') ? JSON.stringify(JSON.parse(json)) : json
}

/** A stream of JSON Lines from a generator of each line's JSON, batched so each chunk holds many rows. */
export function jsonLines(lines: Iterable<string>): Readable {
  return Readable.from(
    (function* () {
      let batch = ''
      let n = 0
      for (const line of lines) {
        batch += line + '\n'
        if (++n % 200 === 0) {
          yield Buffer.from(batch)
          batch = ''
        }
      }
      if (batch) yield Buffer.from(batch)
    })(),
    { objectMode: false }
  )
}
