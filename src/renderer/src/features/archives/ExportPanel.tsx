import { useState } from 'react'
import type { ExportFormat } from '../../../../shared/contract/archive'
import { useArchives } from './archivesStore'
import { TaskProgressBar } from './TaskProgressBar'

const DESCRIPTIONS: Record<ExportFormat, string> = {
  archive:
    'Everything, losslessly: reviews with their history, screenings, responses, films and tags. Import it here to restore or move the journal.',
  markdown:
    'One Markdown file per review, with front matter and its responses — for Obsidian, static sites or plain reading.',
  html: 'One self-contained page of every review, ready to read or print.',
  wxr: 'A WordPress export (WXR) of reviews and their comment threads, for WordPress’s importer.',
  letterboxd: 'CSV in Letterboxd’s import format: diary entries, ratings, reviews, tags and rewatches.'
}

/** Write the journal out in a chosen format: a save dialog in the desktop app, a download in the browser. */
export function ExportPanel() {
  const s = useArchives()
  const formats = s.capabilities?.exportFormats ?? []
  const [format, setFormat] = useState<ExportFormat>('archive')
  const busy = s.phase === 'exporting'
  return (
    <section className="archives-panel" aria-labelledby="archives-export">
      <h2 id="archives-export">Export</h2>
      <fieldset disabled={busy || s.phase === 'importing'}>
        <legend>Format</legend>
        {formats.map((f) => (
          <label key={f.format} className="archives-choice">
            <input
              type="radio"
              name="export-format"
              value={f.format}
              checked={format === f.format}
              onChange={() => setFormat(f.format)}
            />
            <span>
              <strong>{f.label}</strong> <span className="archives-ext">{f.extension}</span>
              <br />
              <span className="archives-hint">{DESCRIPTIONS[f.format]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="archives-row">
        <button
          type="button"
          className="primary"
          disabled={busy || formats.length === 0}
          onClick={() => void s.exportAs(format)}
        >
          Export…
        </button>
      </div>
      {busy && <TaskProgressBar label="Exporting…" progress={s.progress} onCancel={() => void s.cancel()} />}
      {s.exported && !busy && (
        <p role="status" className="archives-done">
          Exported{' '}
          {Object.entries(s.exported.counts)
            .map(([k, n]) => `${n} ${k}${n === 1 ? '' : 's'}`)
            .join(', ')}{' '}
          to {s.exported.name}.
        </p>
      )}
    </section>
  )
}
