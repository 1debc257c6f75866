import type { Db } from '../../../db/connection'
import type { LexicalDoc } from '../../../../../shared/domain'
import type { ArchiveResponse, ArchiveReview, ArchiveRevision, ArchiveScreening, ArchiveTag, ArchiveWork, EntityName } from './schema'

/** What the archive's row generators read from: the journal and tags loaded once up front. */
export interface RowSource {
  db: Db
  reviewTags: Map<string, string[]>
  screeningTags: Map<string, string[]>
  /** Counts one row written, for progress. */
  tick(): void
}

type DbRow = Record<string, unknown>
const bool = (v: unknown) => v === 1
const json = <T>(v: unknown) => JSON.parse(v as string) as T
const text = (v: unknown) => v as string
const maybe = (v: unknown) => (v ?? null) as string | null
const origin = (r: DbRow) => ({ sourceKey: maybe(r.source_key), isSample: bool(r.is_sample) })
const stamps = (r: DbRow) => ({ createdAt: text(r.created_at), updatedAt: text(r.updated_at) })
/** Where a review's or revision's body goes: `archiveLines` puts the stored JSON text there. */
const STORED_BODY = null as unknown as LexicalDoc

const QUERIES: Record<EntityName, string> = {
  works: 'SELECT * FROM works ORDER BY rid',
  tags: 'SELECT id, name FROM tags ORDER BY rid',
  reviews: 'SELECT * FROM reviews ORDER BY rid',
  revisions: 'SELECT * FROM review_revisions ORDER BY rid',
  screenings: 'SELECT * FROM screenings ORDER BY rid',
  // Parents before replies, so a reply never arrives before the response it answers.
  responses: `WITH RECURSIVE thread(id, depth) AS (
      SELECT id, 0 FROM responses WHERE parent_id IS NULL
      UNION ALL SELECT r.id, t.depth + 1 FROM responses r JOIN thread t ON r.parent_id = t.id
    ) SELECT r.* FROM responses r JOIN thread t ON t.id = r.id ORDER BY t.depth, r.rid`
}

const MAPPERS: { [K in EntityName]: (r: DbRow, s: RowSource) => unknown } = {
  works: (r): ArchiveWork => ({
    id: text(r.id), title: text(r.title), originalTitle: maybe(r.original_title), year: (r.year ?? null) as number | null,
    directors: json<string[]>(r.directors), runtimeMinutes: (r.runtime_minutes ?? null) as number | null,
    letterboxdUri: maybe(r.letterboxd_uri), tmdbId: maybe(r.tmdb_id), imdbId: maybe(r.imdb_id), ...origin(r), ...stamps(r)
  }),
  tags: (r): ArchiveTag => ({ id: text(r.id), name: text(r.name) }),
  reviews: (r, s): ArchiveReview => ({
    id: text(r.id), workId: maybe(r.work_id), title: text(r.title), body: STORED_BODY,
    status: r.status as ArchiveReview['status'], rating: (r.rating ?? null) as number | null, tags: s.reviewTags.get(text(r.id)) ?? [],
    hasSpoilers: bool(r.has_spoilers), responsesClosed: bool(r.responses_closed), outlet: maybe(r.outlet),
    publishedUrl: maybe(r.published_url), publishedAt: maybe(r.published_at), targetWords: (r.target_words ?? null) as number | null,
    slug: maybe(r.slug), standfirst: text(r.standfirst), password: maybe(r.password), ...origin(r), ...stamps(r),
    deletedAt: maybe(r.deleted_at)
  }),
  revisions: (r): ArchiveRevision => ({
    id: text(r.id), reviewId: text(r.review_id), title: text(r.title), body: STORED_BODY,
    reason: r.reason as ArchiveRevision['reason'], label: maybe(r.label), createdAt: text(r.created_at)
  }),
  screenings: (r, s): ArchiveScreening => ({
    id: text(r.id), workId: text(r.work_id), watchedOn: text(r.watched_on), watchedTime: maybe(r.watched_time),
    venue: maybe(r.venue), format: r.format as ArchiveScreening['format'], formatDetail: maybe(r.format_detail),
    companions: json<string[]>(r.companions), rewatch: bool(r.rewatch), walkedOut: bool(r.walked_out),
    rating: (r.rating ?? null) as number | null, tags: s.screeningTags.get(text(r.id)) ?? [], notes: text(r.notes),
    embargoUntil: maybe(r.embargo_until), reviewId: maybe(r.review_id), ...origin(r), ...stamps(r), deletedAt: maybe(r.deleted_at)
  }),
  responses: (r): ArchiveResponse => ({
    id: text(r.id), reviewId: text(r.review_id), parentId: maybe(r.parent_id), authorName: text(r.author_name),
    authorEmail: maybe(r.author_email), authorUrl: maybe(r.author_url), body: text(r.body), receivedAt: text(r.received_at),
    status: r.status as ArchiveResponse['status'], isOwnReply: bool(r.is_own_reply), starred: bool(r.starred),
    sourceKey: maybe(r.source_key), ...stamps(r)
  })
}

/**
 * The archive lines of one entity as JSON text, read from the journal as the zip writer asks for
 * them. A body goes in as stored, not parsed and written again: the column takes only valid
 * JSON. Its key is the first `"body":null` in the line, since the values before it are ids and
 * a title, strings in which every quote is escaped.
 */
export function* archiveLines(entity: EntityName, source: RowSource): Generator<string> {
  const map = MAPPERS[entity]
  const storedBody = entity === 'reviews' || entity === 'revisions'
  for (const row of source.db.prepare(QUERIES[entity]).iterate() as Iterable<DbRow>) {
    source.tick()
    const line = JSON.stringify(map(row, source))
    yield storedBody ? line.replace('"body":null', () => `"body":${oneLine(text(row.body))}`) : line
  }
}

/** JSON text on one line: as this app stores it, or (stored some other way) written again. */
function oneLine(json: string): string {
  return json.includes('\n') || json.includes('\r') ? JSON.stringify(JSON.parse(json)) : json
}
