import { create } from 'zustand'
import type { ScreeningEntry } from '../../../../shared/contract/screenings'

interface QuickLogState {
  open: boolean
  /** The screening being edited, or null when logging a new one. */
  editing: ScreeningEntry | null
  /** A film to start with (logging from a film page). */
  presetWorkId: string | null
  openNew(presetWorkId?: string | null): void
  openEdit(entry: ScreeningEntry): void
  close(): void
}

/** Whether the log dialog is open and for what; any screen can open it. */
export const useQuickLog = create<QuickLogState>((set) => ({
  open: false,
  editing: null,
  presetWorkId: null,
  openNew: (presetWorkId = null) => set({ open: true, editing: null, presetWorkId }),
  openEdit: (entry) => set({ open: true, editing: entry, presetWorkId: null }),
  close: () => set({ open: false, editing: null, presetWorkId: null })
}))
