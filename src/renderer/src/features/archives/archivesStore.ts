import { create } from 'zustand'
import type {
  ArchiveCapabilities,
  ChosenFile,
  ExportFormat,
  ExportResult,
  ImportFormat,
  ImportReport
} from '../../../../shared/contract/archive'
import type { TaskProgress } from '../../../../shared/contract'
import { journal, JournalCallError, unwrap } from '../../bridge'
import { useNotices } from '../../app/noticeStore'
import { sendFile, startDownload } from './transfer'

export type Phase = 'idle' | 'receiving' | 'previewing' | 'previewed' | 'importing' | 'imported' | 'exporting'

interface ArchivesState {
  capabilities: ArchiveCapabilities | null
  file: ChosenFile | null
  format: ImportFormat | 'auto'
  phase: Phase
  preview: ImportReport | null
  report: ImportReport | null
  exported: ExportResult | null
  progress: TaskProgress | null
  taskId: string | null
  error: string | null
  load(): Promise<void>
  setFormat(format: ImportFormat | 'auto'): void
  chooseNative(directory: boolean): Promise<void>
  receive(file: File): Promise<void>
  runPreview(): Promise<void>
  commit(): Promise<void>
  cancel(): Promise<void>
  reset(): void
  exportAs(format: ExportFormat): Promise<void>
  undoImport(): Promise<void>
}

const cleared = { file: null, preview: null, report: null, progress: null, taskId: null, error: null }

export const useArchives = create<ArchivesState>((set, get) => {
  /** Runs one background task, following its progress; returns null when it failed or was cancelled. */
  async function track<T>(phase: Phase, run: (taskId: string) => Promise<T>): Promise<T | null> {
    const taskId = crypto.randomUUID()
    set({ phase, taskId, progress: null, error: null })
    const stop = journal.on('task.progress', (p) => {
      if (p.taskId === taskId) set({ progress: p })
    })
    try {
      return await run(taskId)
    } catch (err) {
      const cancelled = err instanceof JournalCallError && err.code === 'CANCELLED'
      set({ error: cancelled ? null : err instanceof Error ? err.message : String(err) })
      if (cancelled)
        useNotices.getState().show({ tone: 'info', message: 'Cancelled; the journal was left as it was.' })
      return null
    } finally {
      stop()
      set({ taskId: null, progress: null })
    }
  }

  return {
    capabilities: null,
    format: 'auto',
    phase: 'idle',
    exported: null,
    ...cleared,
    load: async () => {
      try {
        set({ capabilities: await unwrap(journal['archive.capabilities']()) })
      } catch (err) {
        set({ error: (err as Error).message })
      }
    },
    setFormat: (format) => {
      set({ format })
      if (get().file) void get().runPreview()
    },
    chooseNative: async (directory) => {
      try {
        const file = await unwrap(journal['archive.chooseImport']({ directory }))
        if (!file) return
        set({ ...cleared, file })
        await get().runPreview()
      } catch (err) {
        set({ error: (err as Error).message })
      }
    },
    receive: async (picked) => {
      set({
        ...cleared,
        phase: 'receiving',
        progress: { taskId: 'upload', label: `Reading ${picked.name}`, done: 0, total: picked.size }
      })
      try {
        const file = await sendFile(picked, (done) =>
          set({ progress: { taskId: 'upload', label: `Reading ${picked.name}`, done, total: picked.size } })
        )
        set({ file, progress: null })
        await get().runPreview()
      } catch (err) {
        set({ phase: 'idle', progress: null, error: (err as Error).message })
      }
    },
    runPreview: async () => {
      const { file, format } = get()
      if (!file) return
      set({ preview: null, report: null })
      const preview = await track('previewing', (taskId) =>
        unwrap(journal['archive.preview']({ fileId: file.fileId, format, taskId }))
      )
      set({ preview, phase: preview ? 'previewed' : 'idle' })
    },
    commit: async () => {
      const { file, format } = get()
      if (!file) return
      const report = await track('importing', (taskId) =>
        unwrap(journal['archive.import']({ fileId: file.fileId, format, taskId }))
      )
      if (report) set({ report, preview: null, file: null, phase: 'imported' })
      else set({ phase: 'previewed' })
    },
    cancel: async () => {
      const { taskId } = get()
      if (taskId) await journal['archive.cancel']({ taskId })
    },
    reset: () => set({ ...cleared, phase: 'idle', exported: null }),
    exportAs: async (format) => {
      const capabilities = get().capabilities
      let fileId: string | undefined
      if (capabilities?.nativeDialogs) {
        const chosen = await unwrap(journal['archive.chooseExport']({ format })).catch(
          (err: Error) => (set({ error: err.message }), null)
        )
        if (!chosen) return
        fileId = chosen.fileId
      }
      const exported = await track('exporting', (taskId) =>
        unwrap(journal['archive.export']({ format, fileId, taskId }))
      )
      set({ phase: 'idle', exported })
      if (exported?.downloadId) startDownload(exported.downloadId, exported.name)
    },
    undoImport: async () => {
      const backup = get().report?.backupFile
      if (!backup) return
      try {
        await unwrap(journal['backup.restore']({ name: backup }))
        set({ ...cleared, phase: 'idle' })
        useNotices
          .getState()
          .show({ tone: 'info', message: 'The import was undone: the journal is back as it was before it.' })
      } catch (err) {
        set({ error: (err as Error).message })
      }
    }
  }
})
