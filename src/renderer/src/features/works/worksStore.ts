import { create } from 'zustand'
import type { Work } from '../../../../shared/domain'
import { journal, unwrap } from '../../bridge'
import { reportError } from '../../app/noticeStore'

interface WorksState {
  works: Work[]
  loaded: boolean
  load(): Promise<void>
  /** Creates a film; throws the call's error so a form can show it beside its fields. */
  create(input: { title: string; year: number | null; directors: string[] }): Promise<Work>
}

export const useWorks = create<WorksState>((set) => ({
  works: [],
  loaded: false,
  load: async () => {
    try {
      set({ works: await unwrap(journal['works.list']()), loaded: true })
    } catch (err) {
      reportError(err)
    }
  },
  create: async (input) => {
    const work = await unwrap(journal['works.create'](input))
    set((s) => ({ works: [...s.works, work].sort((a, b) => a.title.localeCompare(b.title)) }))
    return work
  }
}))

export function workLabel(work: Pick<Work, 'title' | 'year'>): string {
  return work.year ? `${work.title} (${work.year})` : work.title
}
