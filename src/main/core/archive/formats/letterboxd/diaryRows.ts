import type { ExportedWork, JournalRecords } from '../../export/journalRecords'

/** One line of the diary as Letterboxd's import format takes it: a screening, or a review with no screening. */
export interface DiaryRow {
  screeningId: string | null
  /** The live review written after the screening (or the review itself). */
  reviewId: string | null
  watchedOn: string | null
  rewatch: boolean
  rating: number | null
  work: ExportedWork
  /** The screening's own tags (a review's go with its text). */
  tags: string[]
  /** The title as bytes: the diary is ordered by it as SQLite orders text. */
  titleBytes: Buffer
}

/** What a review adds to the diary: its film, rating and tags; its text is read when its line is written. */
export interface DiaryReview {
  workId: string | null
  rating: number | null
  tags: string[]
}

/**
 * Every live screening (with the live review written after it) and every live review of a film
 * that has no live screening, in date order, undated reviews last, then by film title. Reviews
 * without a film cannot be placed on Letterboxd and are left out.
 */
export function diaryRows(journal: JournalRecords): { rows: DiaryRow[]; reviews: Map<string, DiaryReview> } {
  const works = new Map<string, ExportedWork>()
  for (const batch of journal.table('works')) for (const w of batch) works.set(w.id, w)
  const reviews = new Map<string, DiaryReview>()
  for (const batch of journal.table('reviews', { live: true, documents: false })) {
    for (const r of batch) reviews.set(r.id, { workId: r.work?.id ?? null, rating: r.rating, tags: r.tags })
  }
  const rows: DiaryRow[] = []
  const screened = new Set<string>()
  const row = (fields: Omit<DiaryRow, 'titleBytes'>): DiaryRow => ({
    ...fields,
    titleBytes: Buffer.from(fields.work.title)
  })
  for (const batch of journal.table('screenings', { live: true })) {
    for (const s of batch) {
      const work = works.get(s.work.id)
      if (s.review) screened.add(s.review.id)
      if (!work) continue
      const review = s.review ? reviews.get(s.review.id) : undefined
      rows.push(
        row({
          screeningId: s.id,
          reviewId: review ? s.review!.id : null,
          watchedOn: s.watchedOn,
          rewatch: s.rewatch,
          rating: s.rating ?? review?.rating ?? null,
          work,
          tags: s.tags
        })
      )
    }
  }
  for (const [id, review] of reviews) {
    const work = review.workId ? works.get(review.workId) : undefined
    if (work && !screened.has(id))
      rows.push(
        row({
          screeningId: null,
          reviewId: id,
          watchedOn: null,
          rewatch: false,
          rating: review.rating,
          work,
          tags: []
        })
      )
  }
  rows.sort(
    (a, b) =>
      (a.watchedOn === null ? 1 : 0) - (b.watchedOn === null ? 1 : 0) ||
      compareText(a.watchedOn, b.watchedOn) ||
      Buffer.compare(a.titleBytes, b.titleBytes)
  )
  return { rows, reviews }
}

function compareText(a: string | null, b: string | null): number {
  if (a === b || a === null || b === null) return 0
  return a < b ? -1 : 1
}
