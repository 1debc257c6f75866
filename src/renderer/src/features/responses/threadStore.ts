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
  /** True while a load is under way (a focus request waits for it). */
  loading: boolean
  /** A response to bring into view and focus once the thread shows it (from the inbox). */
  focusId: string | null
  open(reviewId: string): Promise<void>
  /** Forgets the thread when its review closes, so reopening never shows an old copy. */
  close(): void
  reload(): Promise<void>
  setFilter(filter: { showHidden?: boolean; showSpam?: boolean }): void
  toggleSelected(id: string): void
  select(ids: string[]): void
  clearSelection(): void
  requestFocus(id: string | null): void
}

/** Numbers each load: only the latest one's answer is shown (answers can overtake each other). */
let latestLoad = 0

/** The thread of the review open in the editor. */
export const useThread = create<ThreadState>((set, get) => ({
  reviewId: null,
  thread: null,
  showHidden: false,
  showSpam: false,
  selected: [],
  loading: false,
  focusId: null,
  open: async (reviewId) => {
    set({ reviewId, thread: null, selected: [] })
    await get().reload()
  },
  close: () => set({ reviewId: null, thread: null, selected: [] }),
  reload: async () => {
    const { reviewId, showHidden, showSpam } = get()
    if (!reviewId) return
    const load = ++latestLoad
    set({ loading: true })
    try {
      const thread = await unwrap(journal['responses.thread']({ reviewId, showHidden, showSpam }))
      if (load !== latestLoad || get().reviewId !== reviewId) return
      const shown = new Set(thread.items.map((i) => i.id))
      set((s) => ({ thread, selected: s.selected.filter((id) => shown.has(id)) }))
    } catch (err) {
      reportError(err)
    } finally {
      if (load === latestLoad) set({ loading: false })
    }
  },
  setFilter: (filter) => {
    set(filter)
    void get().reload()
  },
  toggleSelected: (id) =>
    set((s) => ({
      selected: s.selected.includes(id) ? s.selected.filter((x) => x !== id) : [...s.selected, id]
    })),
  select: (ids) => set({ selected: ids }),
  clearSelection: () => set({ selected: [] }),
  requestFocus: (focusId) => set({ focusId })
}))
