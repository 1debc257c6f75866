import { create } from 'zustand'
import type { InboxFilter, InboxItem } from '../../../../shared/contract/responses'
import { journal, unwrap } from '../../bridge'
import { reportError } from '../../app/noticeStore'

const PAGE = 50

interface InboxState {
  filter: InboxFilter
  items: InboxItem[]
  nextCursor: string | null
  /** Responses matching the filter; `unread` counts new ones across the journal (the badge). */
  total: number
  unread: number
  loaded: boolean
  loading: boolean
  /** Loads the first page again, as many rows as are showing (so a refresh keeps the place). */
  load(): Promise<void>
  loadMore(): Promise<void>
  setFilter(filter: InboxFilter): void
  refreshUnread(): Promise<void>
}

/** The inbox: every new (or starred, or any) response across the journal, newest first. */
export const useResponses = create<InboxState>((set, get) => ({
  filter: 'new',
  items: [],
  nextCursor: null,
  total: 0,
  unread: 0,
  loaded: false,
  loading: false,
  load: async () => {
    const { filter, items } = get()
    set({ loading: true })
    try {
      const limit = Math.min(200, Math.max(PAGE, items.length))
      const page = await unwrap(journal['responses.inbox']({ filter, limit }))
      if (get().filter !== filter) return
      set({
        items: page.items,
        nextCursor: page.nextCursor,
        total: page.total,
        unread: page.unread,
        loaded: true
      })
    } catch (err) {
      reportError(err)
      set({ loaded: true })
    } finally {
      set({ loading: false })
    }
  },
  loadMore: async () => {
    const { filter, nextCursor } = get()
    if (!nextCursor) return
    set({ loading: true })
    try {
      const page = await unwrap(journal['responses.inbox']({ filter, limit: PAGE, cursor: nextCursor }))
      if (get().filter !== filter) return
      set((s) => ({
        items: [...s.items, ...page.items],
        nextCursor: page.nextCursor,
        total: page.total,
        unread: page.unread
      }))
    } catch (err) {
      reportError(err)
    } finally {
      set({ loading: false })
    }
  },
  setFilter: (filter) => {
    set({ filter, items: [], nextCursor: null, loaded: false })
    void get().load()
  },
  refreshUnread: async () => {
    try {
      set({ unread: (await unwrap(journal['responses.unreadCount']())).unread })
    } catch (err) {
      reportError(err)
    }
  }
}))
