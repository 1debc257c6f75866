import { create } from 'zustand'
import type { ScreeningEntry } from '../../../../shared/contract/screenings'
import type { Work } from '../../../../shared/domain'

/** A film the dialog starts with: what the film field needs of it. */
export type PresetFilm = Pick<Work, 'id' | 'title' | 'year'>

/** The review a new screening is logged from, to be linked to it once logged. */
export interface LogForReview {
  id: string
  title: string
}

interface QuickLogState {
  open: boolean
  /** The screening being edited, or null when logging a new one. */
  editing: ScreeningEntry | null
  /** A film to start with (logging from a film page or an open review). */
  preset: PresetFilm | null
  /** Logging from an open review: the screening is linked to it. */
  forReview: LogForReview | null
  openNew(preset?: PresetFilm | null, forReview?: LogForReview | null): void
  openEdit(entry: ScreeningEntry): void
  close(): void
}

/** Whether the log dialog is open and for what; any screen can open it. */
export const useQuickLog = create<QuickLogState>((set) => ({
  open: false,
  editing: null,
  preset: null,
  forReview: null,
  openNew: (preset = null, forReview = null) => set({ open: true, editing: null, preset, forReview }),
  openEdit: (entry) => set({ open: true, editing: entry, preset: null, forReview: null }),
  close: () => set({ open: false, editing: null, preset: null, forReview: null })
}))
