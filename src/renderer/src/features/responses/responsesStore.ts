import { create } from 'zustand'
import type { ReaderResponse } from '../../../../shared/domain'
import { journal, unwrap } from '../../bridge'
import { reportError } from '../../app/noticeStore'

interface ResponsesState {
  responses: ReaderResponse[]
  loaded: boolean
  load(): Promise<void>
}

export const useResponses = create<ResponsesState>((set) => ({
  responses: [],
  loaded: false,
  load: async () => {
    try {
      set({ responses: await unwrap(journal['responses.list']({})), loaded: true })
    } catch (err) {
      reportError(err)
      set({ loaded: true })
    }
  }
}))
