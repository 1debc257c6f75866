import { create } from 'zustand'
import type { StatsOverview, YearInReview } from '../../../../shared/contract/stats'
import { journal, unwrap } from '../../bridge'
import { reportError } from '../../app/noticeStore'
import { useNavigation } from '../../app/navigationStore'

interface StatsState {
  /** null: all time. */
  year: number | null
  overview: StatsOverview | null
  yearInReview: YearInReview | null
  loading: boolean
  setYear(year: number | null): Promise<void>
  /** Counts the chosen period, joining a count of the same period already under way. */
  load(): Promise<void>
  /** Counts the chosen period afresh (the journal changed since any count under way began). */
  refresh(): Promise<void>
}

/** Whether two answers hold the same figures (they are small: a few hundred numbers). */
function sameFigures(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

/** The request under way, so that opening the screen and mounting it ask only once. */
let pending: { year: number | null; ticket: object; done: Promise<void> } | null = null

/** The statistics screen's figures, for all time or one year (with that year's review). */
export const useStats = create<StatsState>((set, get) => {
  const request = (year: number | null): Promise<void> => {
    const ticket = {}
    const done = (async () => {
      try {
        const [overview, review] = await Promise.all([
          unwrap(journal['stats.overview'](year === null ? {} : { year })),
          year === null ? Promise.resolve(null) : unwrap(journal['stats.year']({ year }))
        ])
        // A slower answer for a year no longer chosen is dropped; figures that did not change
        // keep their objects, so the charts are not drawn again for nothing.
        if (get().year !== year) return
        const current = get()
        set({
          overview: sameFigures(current.overview, overview) ? current.overview : overview,
          yearInReview: sameFigures(current.yearInReview, review) ? current.yearInReview : review
        })
      } catch (err) {
        reportError(err)
      } finally {
        if (pending?.ticket === ticket) {
          pending = null
          set({ loading: false })
        }
      }
    })()
    pending = { year, ticket, done }
    set({ loading: true })
    return done
  }
  return {
    year: null,
    overview: null,
    yearInReview: null,
    loading: false,
    setYear: async (year) => {
      set({ year })
      await get().load()
    },
    load: () => {
      const { year } = get()
      return pending?.year === year ? pending.done : request(year)
    },
    refresh: () => request(get().year)
  }
})

// Counting starts the moment the screen is chosen, while the screen it replaces is still being
// taken down, rather than once the statistics screen has mounted.
useNavigation.subscribe((state, previous) => {
  if (state.screen === 'stats' && previous.screen !== 'stats') void useStats.getState().load()
})
