import { create } from 'zustand'
import type { SyncStatus, SyncTargetInput } from '../../../../shared/contract/sync'
import { journal, JournalCallError, unwrap } from '../../bridge'
import { reportError } from '../../app/noticeStore'

interface SyncState {
  status: SyncStatus | null
  /** Messages beside the fields of the last refused setting ("target.folder"). */
  errors: Record<string, string>
  load(): Promise<void>
  /** Keeps a target (not yet synced); false, with `errors`, when it was refused. */
  configure(target: SyncTargetInput): Promise<boolean>
  setAutomatic(automatic: boolean): Promise<void>
  /** Runs a round and answers the status after it (its `lastError` says whether it failed). */
  syncNow(): Promise<SyncStatus | null>
  forget(): Promise<void>
  clearErrors(): void
}

/** Sync's status, kept current by the core's `sync.status` event and by every data change. */
export const useSync = create<SyncState>((set) => {
  let listening = false
  const listen = () => {
    if (listening) return
    listening = true
    journal.on('sync.status', (status) => set({ status }))
    // A save changes what is pending: the sidebar's mark follows it.
    journal.on('data.changed', () => void refresh())
  }
  const refresh = async () => {
    const result = await journal['sync.status']()
    if (result.ok) set({ status: result.value })
  }
  return {
    status: null,
    errors: {},
    load: async () => {
      listen()
      try {
        set({ status: await unwrap(journal['sync.status']()) })
      } catch (err) {
        reportError(err)
      }
    },
    configure: async (target) => {
      try {
        set({ status: await unwrap(journal['sync.configure']({ target })), errors: {} })
        return true
      } catch (err) {
        if (err instanceof JournalCallError && err.fields) set({ errors: err.fields })
        else reportError(err)
        return false
      }
    },
    setAutomatic: async (automatic) => {
      try {
        set({ status: await unwrap(journal['sync.configure']({ automatic })) })
      } catch (err) {
        reportError(err)
      }
    },
    syncNow: async () => {
      try {
        const status = await unwrap(journal['sync.now']())
        set({ status })
        return status
      } catch (err) {
        reportError(err)
        return null
      }
    },
    forget: async () => {
      try {
        set({ status: await unwrap(journal['sync.forget']()), errors: {} })
      } catch (err) {
        reportError(err)
      }
    },
    clearErrors: () => set({ errors: {} })
  }
})
