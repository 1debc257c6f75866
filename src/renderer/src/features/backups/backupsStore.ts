import { create } from 'zustand'
import type { BackupInfo, BackupList, JournalHealth } from '../../../../shared/contract/backup'
import { journal, unwrap } from '../../bridge'
import { reportError, useNotices } from '../../app/noticeStore'
import { flushPendingSaves } from '../reviews/pendingSaves'
import { formatDateTime } from '../../ui/dates'

interface BackupsState {
  list: BackupList | null
  health: JournalHealth | null
  /** The backup being written or restored, for the busy state of the buttons. */
  busy: 'creating' | 'restoring' | null
  load(): Promise<void>
  loadHealth(): Promise<void>
  create(): Promise<void>
  /** Restores a backup (after writing pending saves); offers to undo with the safety copy. */
  restore(backup: BackupInfo): Promise<boolean>
}

/** When a backup was taken, as every moment in the app is shown. */
export function describeBackup(backup: Pick<BackupInfo, 'createdAt'>): string {
  return formatDateTime(backup.createdAt)
}

export const useBackups = create<BackupsState>((set, get) => ({
  list: null,
  health: null,
  busy: null,
  load: async () => {
    try {
      set({ list: await unwrap(journal['backup.list']()) })
    } catch (err) {
      reportError(err)
    }
  },
  loadHealth: async () => {
    try {
      set({ health: await unwrap(journal['backup.health']()) })
    } catch (err) {
      reportError(err)
    }
  },
  create: async () => {
    set({ busy: 'creating' })
    try {
      const info = await unwrap(journal['backup.create']())
      useNotices.getState().show({ tone: 'info', message: `Backed up (${describeBackup(info)}).` })
      await get().load()
    } catch (err) {
      reportError(err)
    } finally {
      set({ busy: null })
    }
  },
  restore: async (backup) => {
    set({ busy: 'restoring' })
    try {
      await flushPendingSaves()
      const result = await unwrap(journal['backup.restore']({ name: backup.name }))
      const undo = result.safetyCopy
      useNotices.getState().show({
        tone: 'info',
        message: `Restored the backup from ${describeBackup(backup)}.`,
        action: undo ? { label: 'Undo', run: () => void get().restore(undo) } : undefined
      })
      await Promise.all([get().load(), get().loadHealth()])
      return true
    } catch (err) {
      reportError(err)
      return false
    } finally {
      set({ busy: null })
    }
  }
}))
