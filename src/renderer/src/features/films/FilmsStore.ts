import { create } from 'zustand'
import type { DuplicateGroup, MergeResult, WorkSummary } from '../../../../shared/contract/works'
import type { Work } from '../../../../shared/domain'
import { journal, unwrap } from '../../bridge'
import { reportError } from '../../app/noticeStore'

export type WorkEdit = Partial<Omit<Work, 'id' | 'createdAt' | 'updatedAt'>>

interface FilmsState {
  films: WorkSummary[]
  loaded: boolean
  duplicates: DuplicateGroup[] | null
  load(): Promise<void>
  /** Saves a film's fields; throws the call's error so the form can show it beside the fields. */
  update(id: string, changes: WorkEdit): Promise<Work>
  findDuplicates(): Promise<void>
  closeDuplicates(): void
  merge(keepId: string, mergeIds: string[]): Promise<MergeResult>
}

/** The film catalogue: every film with its counts, and the duplicate finder. */
export const useFilms = create<FilmsState>((set, get) => ({
  films: [],
  loaded: false,
  duplicates: null,
  load: async () => {
    try {
      set({ films: await unwrap(journal['works.catalogue']()), loaded: true })
      if (get().duplicates) set({ duplicates: await unwrap(journal['works.duplicates']()) })
    } catch (err) {
      reportError(err)
    }
  },
  update: async (id, changes) => {
    const work = await unwrap(journal['works.update']({ id, ...changes }))
    await get().load()
    return work
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
    await get().load()
    return result
  }
}))
