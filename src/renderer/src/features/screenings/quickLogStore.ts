import { create } from 'zustand'
import type { ScreeningEntry } from '../../../../shared/contract/screenings'
import type { Work } from '../../../../shared/domain'

interface QuickLogState {
  open: boolean
  /** The screening being edited, or null when logging a new one. */
  editing: ScreeningEntry | null
  /** A film to start with (logging from a film page). */
  preset: Work | null
  openNew(preset?: Work | null): void
  openEdit(entry: ScreeningEntry): void
  close(): void
}

/** Whether the log dialog is open and for what; any screen can open it. */
export const useQuickLog = create<QuickLogState>((set) => ({
  open: false,
  editing: null,
  preset: null,
  openNew: (preset = null) => set({ open: true, editing: null, preset }),
  openEdit: (entry) => set({ open: true, editing: entry, preset: null }),
  close: () => set({ open: false, editing: null, preset: null })
}))
