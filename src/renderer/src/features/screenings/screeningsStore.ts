import { create } from 'zustand'
import type {
  DiaryFacets,
  DiaryFilter,
  DiaryIndex,
  ScreeningEntry
} from '../../../../shared/contract/screenings'
import { journal, unwrap } from '../../bridge'
import { reportError, useNotices } from '../../app/noticeStore'

/** Rows fetched per call; the virtualised list asks for the pages around what is on screen. */
export const PAGE_SIZE = 100

interface DiaryState {
  filter: DiaryFilter
  index: DiaryIndex | null
  facets: DiaryFacets | null
  /** Loaded rows by page number; a page missing here is fetched when it scrolls into view. */
  pages: Record<number, ScreeningEntry[]>
  loaded: boolean
  /** Reloads the index, the facets and the first page for the current filter. */
  load(): Promise<void>
  setFilter(filter: DiaryFilter): void
  /** Fetches the pages holding rows `first` … `last` that are not loaded yet. */
  ensureRows(first: number, last: number): void
  /** Moves a screening to the trash, with an Undo in the notice. */
  remove(entry: ScreeningEntry): Promise<void>
}

// Bumped on every reload, so a page that arrives after the filter changed is dropped.
let generation = 0
const pending = new Set<string>()

async function fetchPage(filter: DiaryFilter, page: number): Promise<ScreeningEntry[]> {
  return unwrap(journal['screenings.diaryPage']({ filter, offset: page * PAGE_SIZE, limit: PAGE_SIZE }))
}

export const useScreenings = create<DiaryState>((set, get) => ({
  filter: {},
  index: null,
  facets: null,
  pages: {},
  loaded: false,
  load: async () => {
    const mine = ++generation
    pending.clear()
    const { filter } = get()
    try {
      const [index, first] = await Promise.all([
        unwrap(journal['screenings.diaryIndex'](filter)),
        fetchPage(filter, 0)
      ])
      if (mine !== generation) return
      set({ index, pages: { 0: first }, loaded: true })
      // Asked only after the first rows: the filter menus must never hold them up.
      unwrap(journal['screenings.facets']()).then((facets) => set({ facets }), reportError)
    } catch (err) {
      reportError(err)
      set({ loaded: true })
    }
  },
  setFilter: (filter) => {
    set({ filter, pages: {} })
    void get().load()
  },
  ensureRows: (first, last) => {
    const { index, pages, filter } = get()
    if (!index) return
    const mine = generation
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
      const key = `${mine}:${page}`
      if (pages[page] || pending.has(key) || page * PAGE_SIZE >= index.total) continue
      pending.add(key)
      fetchPage(filter, page)
        .then((rows) => {
          if (mine === generation) set((s) => ({ pages: { ...s.pages, [page]: rows } }))
        })
        .catch(reportError)
        .finally(() => pending.delete(key))
    }
  },
  remove: async (entry) => {
    try {
      await unwrap(journal['screenings.delete']({ id: entry.id }))
      await get().load()
      useNotices.getState().show({
        tone: 'info',
        message: `Screening of ${entry.workTitle} moved to the trash.`,
        action: {
          label: 'Undo',
          run: () => {
            unwrap(journal['screenings.restore']({ id: entry.id }))
              .then(() => get().load())
              .catch(reportError)
          }
        }
      })
    } catch (err) {
      reportError(err)
    }
  }
}))

/** The loaded row at `offset` of the filtered diary, or undefined while its page is on its way. */
export function rowAt(pages: Record<number, ScreeningEntry[]>, offset: number): ScreeningEntry | undefined {
  return pages[Math.floor(offset / PAGE_SIZE)]?.[offset % PAGE_SIZE]
}
