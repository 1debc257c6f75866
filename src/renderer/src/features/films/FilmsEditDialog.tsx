import { useId, useState, type FormEvent } from 'react'
import type { WorkSummary } from '../../../../shared/contract/works'
import { JournalCallError } from '../../bridge'
import { useNotices } from '../../app/noticeStore'
import { Dialog } from '../../ui/Dialog'
import { useFilms, type FilmEdit } from './filmsStore'

interface Draft {
  title: string
  originalTitle: string
  year: string
  directors: string
  runtimeMinutes: string
  letterboxdUri: string
  tmdbId: string
  imdbId: string
}

const FIELDS: { key: keyof Draft; label: string; hint?: string; inputMode?: 'numeric' }[] = [
  { key: 'title', label: 'Title' },
  { key: 'originalTitle', label: 'Original title' },
  { key: 'year', label: 'Year', inputMode: 'numeric' },
  { key: 'directors', label: 'Directors', hint: 'Separate names with commas' },
  { key: 'runtimeMinutes', label: 'Runtime (minutes)', inputMode: 'numeric' },
  {
    key: 'letterboxdUri',
    label: 'Letterboxd address',
    hint: 'https://letterboxd.com/film/… or https://boxd.it/…'
  },
  { key: 'tmdbId', label: 'TMDB id', inputMode: 'numeric' },
  { key: 'imdbId', label: 'IMDb id', hint: 'tt0111161, or the IMDb address' }
]

function toDraft(film: WorkSummary): Draft {
  return {
    title: film.title,
    originalTitle: film.originalTitle ?? '',
    year: film.year?.toString() ?? '',
    directors: film.directors.join(', '),
    runtimeMinutes: film.runtimeMinutes?.toString() ?? '',
    letterboxdUri: film.letterboxdUri ?? '',
    tmdbId: film.tmdbId ?? '',
    imdbId: film.imdbId ?? ''
  }
}

/** Numbers stay as typed when they are not numbers, so the core names the field that is wrong. */
function toNumber(s: string): number | null {
  const t = s.trim()
  return t === '' ? null : Number(t)
}

function toChanges(d: Draft): FilmEdit {
  return {
    title: d.title,
    originalTitle: d.originalTitle.trim() || null,
    year: toNumber(d.year),
    directors: d.directors
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
    runtimeMinutes: toNumber(d.runtimeMinutes),
    letterboxdUri: d.letterboxdUri.trim() || null,
    tmdbId: d.tmdbId.trim() || null,
    imdbId: d.imdbId.trim() || null
  }
}

/** Edits every field of a film in a modal; messages from the journal show beside their fields. */
export function FilmsEditDialog({ film, onClose }: { film: WorkSummary; onClose(): void }) {
  const id = useId()
  const update = useFilms((s) => s.update)
  const [draft, setDraft] = useState(() => toDraft(film))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setSaving(true)
    try {
      await update(film.id, toChanges(draft))
      useNotices.getState().show({ tone: 'info', message: `Saved ${draft.title.trim()}.` })
      onClose()
    } catch (err) {
      if (err instanceof JournalCallError && err.fields && Object.keys(err.fields).length) {
        setErrors(err.fields)
        setFormError(null)
      } else setFormError(err instanceof Error ? err.message : String(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Dialog title={`Edit ${film.title}`} size="medium" onClose={onClose}>
      <form noValidate onSubmit={submit}>
        {formError && (
          <p role="alert" className="field-error">
            {formError}
          </p>
        )}
        <div className="films-fields">
          {FIELDS.map((f) => {
            const error = errors[f.key]
            const describedBy = [f.hint ? `${id}-${f.key}-hint` : '', error ? `${id}-${f.key}-error` : '']
              .filter(Boolean)
              .join(' ')
            return (
              <div className="field" key={f.key}>
                <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
                <input
                  id={`${id}-${f.key}`}
                  value={draft[f.key]}
                  inputMode={f.inputMode}
                  aria-invalid={Boolean(error)}
                  aria-describedby={describedBy || undefined}
                  onChange={(e) => setDraft((d) => ({ ...d, [f.key]: e.target.value }))}
                />
                {f.hint && (
                  <span id={`${id}-${f.key}-hint`} className="hint films-field-hint">
                    {f.hint}
                  </span>
                )}
                {error && (
                  <p id={`${id}-${f.key}-error`} className="field-error">
                    {error}
                  </p>
                )}
              </div>
            )
          })}
        </div>
        <div className="row">
          <button type="submit" className="primary" disabled={saving}>
            Save film
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  )
}
