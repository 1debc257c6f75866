import { create } from 'zustand'
import type { ReviewDetail, ReviewSummary } from '../../../../shared/domain'
import { journal, unwrap } from '../../bridge'
import { reportError } from '../../app/noticeStore'

interface ReviewsState {
  reviews: ReviewSummary[]
  loaded: boolean
  load(): Promise<void>
  /** Creates a review, adds it to the top of the list and answers it (null after an error). */
  create(input?: { title?: string; workId?: string | null }): Promise<ReviewDetail | null>
  /** Applies a save's result to the list without reloading it (title, word count, time). */
  patch(id: string, changes: Partial<ReviewSummary>): void
}

const afterNextPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))

/** More than a tall window shows: the first load paints these, then takes the rest. */
const FIRST_PAGE = 60

/** The first page under way: asked for at start-up, then by the screen, it is read once. */
let firstPage: Promise<ReviewSummary[]> | null = null
/** Reviews created here so far: a first page read before one of them does not know it. */
let created = 0

export const useReviews = create<ReviewsState>((set, get) => ({
  reviews: [],
  loaded: false,
  load: async () => {
    try {
      // At start-up the list is on screen before a journal of thousands has crossed the bridge.
      if (!get().loaded) {
        const createdBefore = created
        firstPage ??= unwrap(journal['reviews.list']({ scope: 'live', limit: FIRST_PAGE })).finally(
          () => (firstPage = null)
        )
        const first = await firstPage
        // Another caller of the same page, or a full load that finished meanwhile, has shown
        // as much or more, and takes the rest.
        if (get().loaded) return
        // A review started meanwhile (on the welcome screen, at once) is not in this page: the
        // whole list, read now, has it.
        if (created === createdBefore) {
          set({ reviews: first, loaded: true })
          if (first.length < FIRST_PAGE) return
          // The rest once the page has painted: read earlier, its answer would hold the paint back.
          await afterNextPaint()
        }
      }
      const reviews = await unwrap(journal['reviews.list']({ scope: 'live' }))
      set({ reviews, loaded: true })
    } catch (err) {
      reportError(err)
      set({ loaded: true })
    }
  },
  create: async (input = {}) => {
    try {
      const review = await unwrap(journal['reviews.create'](input))
      created++
      set((s) => ({ reviews: [review, ...s.reviews] }))
      return review
    } catch (err) {
      reportError(err)
      return null
    }
  },
  patch: (id, changes) =>
    set((s) => ({
      reviews: s.reviews
        .map((r) => (r.id === id ? { ...r, ...changes } : r))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    }))
}))
