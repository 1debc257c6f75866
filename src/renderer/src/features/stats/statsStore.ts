import { create } from 'zustand'
import type { StatsOverview, YearInReview } from '../../../../shared/contract/stats'
import { journal, unwrap } from '../../bridge'
import { reportError } from '../../app/noticeStore'

interface StatsState {
  /** null: all time. */
  year: number | null
  overview: StatsOverview | null
  yearInReview: YearInReview | null
  loading: boolean
  setYear(year: number | null): Promise<void>
  load(): Promise<void>
}

/** The statistics screen's figures, for all time or one year (with that year's review). */
export const useStats = create<StatsState>((set, get) => ({
  year: null,
  overview: null,
  yearInReview: null,
  loading: false,
  setYear: async (year) => {
    set({ year })
    await get().load()
  },
  load: async () => {
    const { year } = get()
    set({ loading: true })
    try {
      const [overview, review] = await Promise.all([
        unwrap(journal['stats.overview'](year === null ? {} : { year })),
        year === null ? Promise.resolve(null) : unwrap(journal['stats.year']({ year }))
      ])
      // A slower answer for a year no longer chosen is dropped.
      if (get().year === year) set({ overview, yearInReview: review })
    } catch (err) {
      reportError(err)
    } finally {
      set({ loading: false })
    }
  }
}))
