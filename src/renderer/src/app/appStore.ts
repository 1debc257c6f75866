import { create } from 'zustand'
import type { AppInfo } from '../../../shared/contract'
import { journal, unwrap } from '../bridge'
import { reportError } from './noticeStore'

interface AppState {
  info: AppInfo | null
  /** Set once the critic chose "start writing" on an empty journal. */
  welcomed: boolean
  refresh(): Promise<void>
  setWelcomed(): void
}

export const useApp = create<AppState>((set) => ({
  info: null,
  welcomed: false,
  refresh: async () => {
    try {
      set({ info: await unwrap(journal['app.info']()) })
    } catch (err) {
      reportError(err)
    }
  },
  setWelcomed: () => set({ welcomed: true })
}))
