import type { ExportedResponse, ReviewWithThread } from './journalRecords'

/** What a page for people (Markdown, HTML) shows of a review: the record, its film and its thread. */
export type ReadableReview = Pick<
  ReviewWithThread,
  | 'id'
  | 'title'
  | 'status'
  | 'rating'
  | 'tags'
  | 'body'
  | 'outlet'
  | 'publishedUrl'
  | 'publishedAt'
  | 'slug'
  | 'standfirst'
  | 'createdAt'
  | 'updatedAt'
> & {
  work: { title: string; year: number | null; directors?: string[] } | null
  responses: ReadableResponse[]
}

export type ReadableResponse = Pick<
  ExportedResponse,
  'id' | 'parent' | 'authorName' | 'authorUrl' | 'body' | 'receivedAt' | 'status' | 'isOwnReply'
>

/** Responses as a thread: each top-level response followed by its replies, depth-first. */
export function threadOrder<R extends ReadableResponse>(responses: R[]): { response: R; depth: number }[] {
  const ids = new Set(responses.map((r) => r.id))
  const children = new Map<string | null, R[]>()
  for (const r of responses) {
    const parent = r.parent && ids.has(r.parent.id) ? r.parent.id : null
    children.set(parent, [...(children.get(parent) ?? []), r])
  }
  const out: { response: R; depth: number }[] = []
  const visit = (parent: string | null, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      out.push({ response: r, depth })
      visit(r.id, depth + 1)
    }
  }
  visit(null, 0)
  return out
}

/** A file name from a title: lower case, ASCII letters and digits joined by dashes, at most 60. */
export function fileSlug(title: string, fallback = 'untitled'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return slug || fallback
}

/** A review's file name in a Markdown export or an archive's copies: `2024-05-01-her-1a2b3c4d.md`. */
export function reviewFileName(review: { id: string; title: string; createdAt: string }): string {
  return `${review.createdAt.slice(0, 10)}-${fileSlug(review.title)}-${review.id.slice(-8)}.md`
}

/** The reviews of a stream of batches, one at a time: for entries a zip writer reads in order. */
export function oneByOne<T>(batches: Iterable<T[]>): Iterator<T> {
  return (function* () {
    for (const batch of batches) yield* batch
  })()
}
