import { create } from 'zustand'
import type { Screening } from '../../../../shared/domain'
import { journal, unwrap } from '../../bridge'
import { reportError } from '../../app/noticeStore'

interface ScreeningsState {
  screenings: Screening[]
  loaded: boolean
  load(): Promise<void>
}

export const useScreenings = create<ScreeningsState>((set) => ({
  screenings: [],
  loaded: false,
  load: async () => {
    try {
      set({ screenings: await unwrap(journal['screenings.list']()), loaded: true })
    } catch (err) {
      reportError(err)
      set({ loaded: true })
    }
  }
}))
