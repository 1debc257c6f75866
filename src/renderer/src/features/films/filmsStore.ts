import { useEffect } from 'react'
import { create } from 'zustand'
import type { DuplicateGroup, MergeResult, WorkSummary } from '../../../../shared/contract/works'
import type { Work } from '../../../../shared/domain'
import { journal, unwrap } from '../../bridge'
import { reportError } from '../../app/noticeStore'

export type FilmEdit = Partial<Omit<Work, 'id' | 'createdAt' | 'updatedAt'>>

interface FilmsState {
  /** Every film in the journal, sorted by title: what the film pickers offer. */
  films: Work[]
  loaded: boolean
  /** The Films screen's table: every film with its counts (a heavier query, loaded there only). */
  catalogue: WorkSummary[]
  catalogueLoaded: boolean
  duplicates: DuplicateGroup[] | null
  load(): Promise<void>
  loadCatalogue(): Promise<void>
  /** Creates a film; throws the call's error so a form can show it beside its fields. */
  create(input: { title: string; year: number | null; directors: string[] }): Promise<Work>
  /** Saves a film's fields; throws the call's error so the form can show it beside the fields. */
  update(id: string, changes: FilmEdit): Promise<Work>
  findDuplicates(): Promise<void>
  closeDuplicates(): void
  merge(keepId: string, mergeIds: string[]): Promise<MergeResult>
}

/** The journal's films: the list the pickers offer, the catalogue with counts, and the duplicate finder. */
export const useFilms = create<FilmsState>((set, get) => ({
  films: [],
  loaded: false,
  catalogue: [],
  catalogueLoaded: false,
  duplicates: null,
  load: async () => {
    try {
      set({ films: await unwrap(journal['works.list']()), loaded: true })
    } catch (err) {
      reportError(err)
    }
  },
  loadCatalogue: async () => {
    try {
      set({ catalogue: await unwrap(journal['works.catalogue']()), catalogueLoaded: true })
      if (get().duplicates) set({ duplicates: await unwrap(journal['works.duplicates']()) })
    } catch (err) {
      reportError(err)
    }
  },
  create: async (input) => {
    const film = await unwrap(journal['works.create'](input))
    set((s) => ({ films: [...s.films, film].sort((a, b) => a.title.localeCompare(b.title)) }))
    return film
  },
  update: async (id, changes) => {
    const film = await unwrap(journal['works.update']({ id, ...changes }))
    await get().loadCatalogue()
    return film
  },
  findDuplicates: async () => {
    try {
      set({ duplicates: await unwrap(journal['works.duplicates']()) })
    } catch (err) {
      reportError(err)
    }
  },
  closeDuplicates: () => set({ duplicates: null }),
  merge: async (keepId, mergeIds) => {
    const result = await unwrap(journal['works.merge']({ keepId, mergeIds }))
    await get().loadCatalogue()
    return result
  }
}))

/** Every film, for a film picker: loaded the first time a picker shows, then kept fresh by the app. */
export function useFilmList(): Work[] {
  const films = useFilms((s) => s.films)
  const loaded = useFilms((s) => s.loaded)
  const load = useFilms((s) => s.load)
  useEffect(() => {
    if (!loaded) void load()
  }, [loaded, load])
  return films
}
