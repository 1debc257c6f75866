import { create } from 'zustand'
import type { Settings } from '../../../../shared/contract/settings'
import { journal, JournalCallError, unwrap } from '../../bridge'
import { reportError } from '../../app/noticeStore'

interface SettingsState {
  settings: Settings | null
  /** Messages beside the fields of the last refused change. */
  errors: Record<string, string>
  load(): Promise<void>
  /** Saves a change; returns false (with `errors` set) when it was refused. */
  update(patch: Partial<Settings>): Promise<boolean>
}

/** The critic's preferences, loaded once and kept in step with every change. */
export const useSettings = create<SettingsState>((set, get) => ({
  settings: null,
  errors: {},
  load: async () => {
    try {
      set({ settings: await unwrap(journal['settings.get']()) })
    } catch (err) {
      reportError(err)
    }
  },
  update: async (patch) => {
    // Shown at once (a radio button must not spring back while the change is saved), undone if refused.
    const before = get().settings
    if (before) set({ settings: { ...before, ...patch } })
    try {
      set({ settings: await unwrap(journal['settings.update'](patch)), errors: {} })
      return true
    } catch (err) {
      set({ settings: before })
      if (err instanceof JournalCallError && err.fields) set({ errors: err.fields })
      else reportError(err)
      return false
    }
  }
}))
