import { create } from 'zustand'

export interface Notice {
  id: number
  tone: 'info' | 'error'
  message: string
  action?: { label: string; run: () => void }
}

interface NoticeState {
  notices: Notice[]
  show(notice: Omit<Notice, 'id'>): void
  dismiss(id: number): void
}

let nextId = 1

/** Short messages at the foot of the window ("Review moved to trash — Undo", errors). */
export const useNotices = create<NoticeState>((set) => ({
  notices: [],
  show: (notice) => {
    const id = nextId++
    set((s) => ({ notices: [...s.notices.slice(-2), { ...notice, id }] }))
    setTimeout(
      () => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
      notice.tone === 'error' ? 10_000 : 6_000
    )
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }))
}))

/** Shows an error notice for a failed call; returns nothing so callers can `catch(reportError)`. */
export function reportError(err: unknown): void {
  useNotices.getState().show({ tone: 'error', message: err instanceof Error ? err.message : String(err) })
}
