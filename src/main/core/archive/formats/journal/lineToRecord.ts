import type { ImportRecord } from '../../records'
import type {
  ArchiveResponse,
  ArchiveReview,
  ArchiveRevision,
  ArchiveScreening,
  ArchiveTag,
  ArchiveWork,
  EntityName
} from './schema'

type Row = ArchiveWork | ArchiveTag | ArchiveReview | ArchiveRevision | ArchiveScreening | ArchiveResponse

const origin = (row: { sourceKey: string | null; isSample: boolean }) => ({
  sourceKey: row.sourceKey ?? undefined,
  isSample: row.isSample
})

/** One archive line (already checked against its schema) as the record the merger takes. */
export function toRecord(entity: EntityName, row: Row, position: number): ImportRecord {
  switch (entity) {
    case 'works': {
      const w = row as ArchiveWork
      return { kind: 'work', position, ...w, ...origin(w) }
    }
    case 'tags': {
      const t = row as ArchiveTag
      return { kind: 'tag', position, id: t.id, name: t.name }
    }
    case 'reviews': {
      const { workId, ...r } = row as ArchiveReview
      return { kind: 'review', position, ...r, ...origin(r), work: workId ? { id: workId } : null }
    }
    case 'revisions': {
      const { reviewId, ...v } = row as ArchiveRevision
      return { kind: 'revision', position, ...v, review: { id: reviewId } }
    }
    case 'screenings': {
      const { workId, reviewId, ...s } = row as ArchiveScreening
      return {
        kind: 'screening',
        position,
        ...s,
        ...origin(s),
        work: { id: workId },
        review: reviewId ? { id: reviewId } : null
      }
    }
    case 'responses': {
      const { reviewId, parentId, ...r } = row as ArchiveResponse
      return {
        kind: 'response',
        position,
        ...r,
        sourceKey: r.sourceKey ?? undefined,
        review: { id: reviewId },
        parent: parentId ? { id: parentId } : null
      }
    }
  }
}
