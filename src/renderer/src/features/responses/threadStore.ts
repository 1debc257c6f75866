import { create } from 'zustand'
import type { ResponseThread } from '../../../../shared/contract/responses'
import { journal, unwrap } from '../../bridge'
import { reportError } from '../../app/noticeStore'

interface ThreadState {
  reviewId: string | null
  thread: ResponseThread | null
  showHidden: boolean
  showSpam: boolean
  selected: string[]
  /** A response to bring into view and focus once the thread shows it (from the inbox). */
  focusId: string | null
  /** Counts loads, so a focus request waits for a thread loaded after it was made. */
  version: number
  focusVersion: number
  open(reviewId: string): Promise<void>
  reload(): Promise<void>
  setFilter(filter: { showHidden?: boolean; showSpam?: boolean }): void
  toggleSelected(id: string): void
  clearSelection(): void
  requestFocus(id: string | null): void
}

/** The thread of the review open in the editor. */
export const useThread = create<ThreadState>((set, get) => ({
  reviewId: null,
  thread: null,
  showHidden: false,
  showSpam: false,
  selected: [],
  focusId: null,
  version: 0,
  focusVersion: 0,
  open: async (reviewId) => {
    if (get().reviewId !== reviewId) set({ reviewId, thread: null, selected: [] })
    await get().reload()
  },
  reload: async () => {
    const { reviewId, showHidden, showSpam } = get()
    if (!reviewId) return
    try {
      const thread = await unwrap(journal['responses.thread']({ reviewId, showHidden, showSpam }))
      if (get().reviewId !== reviewId) return
      const shown = new Set(thread.items.map((i) => i.id))
      set((s) => ({ thread, version: s.version + 1, selected: s.selected.filter((id) => shown.has(id)) }))
    } catch (err) {
      reportError(err)
    }
  },
  setFilter: (filter) => {
    set(filter)
    void get().reload()
  },
  toggleSelected: (id) =>
    set((s) => ({ selected: s.selected.includes(id) ? s.selected.filter((x) => x !== id) : [...s.selected, id] })),
  clearSelection: () => set({ selected: [] }),
  requestFocus: (focusId) => set((s) => ({ focusId, focusVersion: s.version }))
}))
