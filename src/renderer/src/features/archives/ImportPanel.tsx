import { useId, useRef } from 'react'
import type { ImportFormat } from '../../../../shared/contract/archive'
import { useArchives } from './archivesStore'
import { formatName, ImportReportView } from './ImportReportView'
import { TaskProgressBar } from './TaskProgressBar'

/** Choose (or drop) a file, see exactly what importing it would do, then import it. */
export function ImportPanel() {
  const s = useArchives()
  const input = useRef<HTMLInputElement>(null)
  const formatId = useId()
  const busy = s.phase === 'receiving' || s.phase === 'previewing' || s.phase === 'importing'
  const native = s.capabilities?.nativeDialogs ?? false
  return (
    <section className="archives-panel" aria-labelledby="archives-import">
      <h2 id="archives-import">Import</h2>
      <p className="archives-hint">
        A Review Journal archive, a WordPress export (WXR), a Letterboxd export, or Markdown notes (a folder
        or zip, from Obsidian, Joplin or this app). You see what would change before anything is written, and
        a backup is taken first.
      </p>
      <div className="archives-row">
        {native ? (
          <>
            <button type="button" disabled={busy} onClick={() => void s.chooseNative(false)}>
              Choose a file…
            </button>
            <button type="button" disabled={busy} onClick={() => void s.chooseNative(true)}>
              Choose a Markdown folder…
            </button>
          </>
        ) : (
          <label className={`archives-file${busy ? ' disabled' : ''}`}>
            Choose a file…
            <input
              ref={input}
              type="file"
              disabled={busy}
              accept=".rjarchive,.xml,.zip,.csv,.md,.markdown"
              onChange={(e) => {
                const file = e.target.files?.[0]
                if (file) void s.receive(file)
                e.target.value = ''
              }}
            />
          </label>
        )}
        <label htmlFor={formatId}>Format</label>
        <select
          id={formatId}
          value={s.format}
          disabled={busy}
          onChange={(e) => s.setFormat(e.target.value as ImportFormat | 'auto')}
        >
          {['auto', ...(s.capabilities?.importFormats ?? [])].map((f) => (
            <option key={f} value={f}>
              {formatName(f)}
            </option>
          ))}
        </select>
      </div>
      <p className="archives-hint">Or drop a file anywhere on the window.</p>
      {s.error && (
        <p className="archives-error" role="alert">
          {s.error}
        </p>
      )}
      {busy && (
        <TaskProgressBar
          label={
            s.phase === 'importing'
              ? 'Importing…'
              : s.phase === 'previewing'
                ? 'Checking the file…'
                : 'Reading the file…'
          }
          progress={s.progress}
          onCancel={s.phase === 'receiving' ? undefined : () => void s.cancel()}
        />
      )}
      {s.phase === 'previewed' && s.preview && (
        <>
          <ImportReportView report={s.preview} />
          <div className="archives-row">
            <button type="button" className="primary" onClick={() => void s.commit()}>
              Import {s.preview.source}
            </button>
            <button type="button" onClick={s.reset}>
              Choose another file
            </button>
          </div>
        </>
      )}
      {s.phase === 'imported' && s.report && (
        <>
          <ImportReportView report={s.report} />
          <div className="archives-row">
            {s.report.backupFile && (
              <button type="button" onClick={() => void s.undoImport()}>
                Undo this import
              </button>
            )}
            <button type="button" onClick={s.reset}>
              Import another file
            </button>
          </div>
        </>
      )}
    </section>
  )
}
