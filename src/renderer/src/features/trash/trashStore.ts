import { create } from 'zustand'
import type { ReviewSummary } from '../../../../shared/domain'
import { journal, unwrap } from '../../bridge'
import { reportError } from '../../app/noticeStore'
import { useReviews } from '../reviews/reviewsStore'

interface TrashState {
  items: ReviewSummary[]
  loaded: boolean
  load(): Promise<void>
  restore(id: string): Promise<void>
  deleteForever(id: string): Promise<void>
  empty(): Promise<number>
}

/** The trashed reviews, and what can be done with them. */
export const useTrash = create<TrashState>((set, get) => ({
  items: [],
  loaded: false,
  load: async () => {
    try {
      set({ items: await unwrap(journal['reviews.list']({ scope: 'trash' })), loaded: true })
    } catch (err) {
      reportError(err)
      set({ loaded: true })
    }
  },
  restore: async (id) => {
    try {
      await unwrap(journal['reviews.restore']({ id }))
      set({ items: get().items.filter((r) => r.id !== id) })
      void useReviews.getState().load()
    } catch (err) {
      reportError(err)
    }
  },
  deleteForever: async (id) => {
    try {
      await unwrap(journal['reviews.deleteForever']({ id }))
      set({ items: get().items.filter((r) => r.id !== id) })
    } catch (err) {
      reportError(err)
    }
  },
  empty: async () => {
    try {
      const { deleted } = await unwrap(journal['reviews.emptyTrash']({}))
      set({ items: [] })
      return deleted
    } catch (err) {
      reportError(err)
      return 0
    }
  }
}))
