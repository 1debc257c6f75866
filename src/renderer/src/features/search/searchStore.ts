import { create } from 'zustand'
import type {
  SearchFacets,
  SearchHit,
  SearchInput,
  SearchKind,
  SearchResults
} from '../../../../shared/contract/search'
import { journal, unwrap } from '../../bridge'

/** The filters the screen offers; empty strings mean "any". */
export interface SearchFilterValues {
  kind: '' | 'review' | 'response' | 'screening' | 'work'
  status: string
  ratingMin: string
  ratingMax: string
  tag: string
  year: string
  from: string
  to: string
}

export const NO_FILTERS: SearchFilterValues = {
  kind: '',
  status: '',
  ratingMin: '',
  ratingMax: '',
  tag: '',
  year: '',
  from: '',
  to: ''
}

/** Hits on one page of "show all". */
export const PAGE_SIZE = 50

/** One kind's hits, a page at a time ("Show all N"). */
export interface KindPage {
  kind: SearchKind
  /** Hits of the kind before this page. */
  offset: number
  hits: SearchHit[]
  total: number
  loading: boolean
}

interface SearchState {
  text: string
  filters: SearchFilterValues
  results: SearchResults | null
  /** The text the shown results are for (they trail the box by a request while typing). */
  resultsFor: string
  searching: boolean
  error: string | null
  fieldErrors: Record<string, string>
  facets: SearchFacets
  /** Bumped to ask the search box to take focus (Ctrl/Cmd+K). */
  focusRequest: number
  setText(text: string): void
  setFilter<K extends keyof SearchFilterValues>(key: K, value: SearchFilterValues[K]): void
  clearFilters(): void
  loadFacets(): Promise<void>
  requestFocus(): void
  /** Runs the current search again (after the journal changed). */
  refresh(): void
  /** The kind being paged through, or null while all kinds show together. */
  page: KindPage | null
  /** Shows the page of `kind`'s hits starting after `offset` of them. */
  showPage(kind: SearchKind, offset: number): Promise<void>
  /** Back to all kinds together. */
  closePage(): void
}

/** The channel input for the screen's text and filters. */
export function toSearchInput(text: string, f: SearchFilterValues): SearchInput {
  const input: SearchInput = { text }
  if (f.kind) input.kinds = [f.kind]
  if (f.status) input.status = f.status as SearchInput['status']
  if (f.ratingMin) input.ratingMin = Number(f.ratingMin)
  if (f.ratingMax) input.ratingMax = Number(f.ratingMax)
  if (f.tag) input.tag = f.tag
  if (f.year) input.year = Number(f.year)
  if (f.from) input.from = f.from
  if (f.to) input.to = f.to
  return input
}

/** Words, or a filter alone (which lists what carries it): either makes a search. */
export function isSearching(text: string, filters: SearchFilterValues): boolean {
  return text.trim() !== '' || Object.values(filters).some((v) => v !== '')
}

// One request in flight at a time; keystrokes meanwhile collapse into one follow-up, so the
// results always catch up with the latest text without a queue of stale searches.
let inFlight = false
let pending = false

export const useSearch = create<SearchState>((set, get) => {
  const run = async () => {
    if (inFlight) {
      pending = true
      return
    }
    inFlight = true
    const { text, filters } = get()
    set({ searching: true })
    const result = await journal['search.query'](toSearchInput(text, filters))
    inFlight = false
    const again = pending || get().text !== text || get().filters !== filters
    pending = false
    if (isSearching(get().text, get().filters)) {
      if (result.ok) set({ results: result.value, resultsFor: text, error: null, fieldErrors: {} })
      else set({ error: result.error.message, fieldErrors: result.error.fields ?? {} })
    }
    if (again) runOrClear()
    else set({ searching: false })
  }
  const runOrClear = () => {
    const { text, filters } = get()
    if (!isSearching(text, filters))
      set({ results: null, resultsFor: '', error: null, fieldErrors: {}, searching: false })
    else void run()
  }
  return {
    text: '',
    filters: NO_FILTERS,
    results: null,
    resultsFor: '',
    searching: false,
    error: null,
    fieldErrors: {},
    facets: { tags: [], years: [] },
    focusRequest: 0,
    // A page of one kind belongs to the search it came from: new words or filters close it.
    setText: (text) => {
      set({ text, page: null })
      runOrClear()
    },
    setFilter: (key, value) => {
      set((s) => ({ filters: { ...s.filters, [key]: value }, page: null }))
      runOrClear()
    },
    clearFilters: () => {
      set({ filters: NO_FILTERS, page: null })
      runOrClear()
    },
    loadFacets: async () => {
      try {
        set({ facets: await unwrap(journal['search.facets']()) })
      } catch {
        // The filter menus then offer only "any"; searching itself still works.
      }
    },
    requestFocus: () => set((s) => ({ focusRequest: s.focusRequest + 1 })),
    refresh: () => {
      runOrClear()
      const { page } = get()
      if (page) void get().showPage(page.kind, page.offset)
    },
    page: null,
    showPage: async (kind, offset) => {
      const { text, filters, page } = get()
      set({
        page: {
          kind,
          offset,
          hits: page?.kind === kind ? page.hits : [],
          total: page?.total ?? 0,
          loading: true
        }
      })
      const input = { ...toSearchInput(text, filters), kinds: [kind], limit: PAGE_SIZE, offset }
      const result = await journal['search.query'](input)
      // The search changed while the page was on its way: it is no longer wanted.
      const now = get()
      if (
        now.text !== text ||
        now.filters !== filters ||
        now.page?.kind !== kind ||
        now.page.offset !== offset
      )
        return
      if (!result.ok) {
        set({ page: null, error: result.error.message })
        return
      }
      const group = result.value.groups.find((g) => g.kind === kind)
      set({ page: { kind, offset, hits: group?.hits ?? [], total: group?.total ?? 0, loading: false } })
    },
    closePage: () => set({ page: null })
  }
})
