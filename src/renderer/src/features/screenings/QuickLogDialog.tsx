import { useEffect, useId, useState, type FormEvent } from 'react'
import type { RewatchHint, ScreeningEntry } from '../../../../shared/contract/screenings'
import { journal, JournalCallError, unwrap } from '../../bridge'
import { useNotices, reportError } from '../../app/noticeStore'
import { useFilms } from '../films/filmsStore'
import { Dialog } from '../../ui/Dialog'
import { useQuickLog, type LogForReview, type PresetFilm } from './quickLogStore'
import { useScreenings } from './screeningsStore'
import { ScreeningFields } from './ScreeningFields'
import {
  blankDraft,
  draftFromEntry,
  draftToInput,
  foldFieldErrors,
  type FieldErrors,
  type ScreeningDraft
} from './screeningForm'
import { formatDay } from './labels'
import './screenings.css'

/** The log dialog, for a new screening or an edit; a modal, so focus stays inside until it closes. */
export function QuickLogDialog() {
  const { open, editing, preset, forReview, close } = useQuickLog()
  if (!open) return null
  return <OpenDialog editing={editing} preset={preset} forReview={forReview} onClose={close} />
}

interface DialogProps {
  editing: ScreeningEntry | null
  preset: PresetFilm | null
  forReview: LogForReview | null
  onClose(): void
}

function OpenDialog({ editing, preset, forReview, onClose }: DialogProps) {
  const id = useId()
  const facets = useScreenings((s) => s.facets)
  const [draft, setDraft] = useState<ScreeningDraft>(() =>
    editing ? draftFromEntry(editing) : blankDraft(preset)
  )
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState('')
  const [hint, setHint] = useState<RewatchHint | null>(null)
  const [saving, setSaving] = useState(false)

  // Suggest "rewatch" from the film's earlier viewings until the critic decides for themselves.
  const { workId } = draft.film
  const { watchedOn } = draft
  useEffect(() => {
    let live = true
    const ask =
      workId && watchedOn
        ? unwrap(journal['screenings.rewatchHint']({ workId, watchedOn, excludeId: editing?.id }))
        : Promise.resolve(null)
    ask
      .then((next) => {
        if (!live) return
        setHint(next)
        setDraft((d) => (d.rewatchChosen ? d : { ...d, rewatch: Boolean(next && next.seenBefore > 0) }))
      })
      .catch(() => live && setHint(null))
    return () => {
      live = false
    }
  }, [workId, watchedOn, editing?.id])

  const update = (changes: Partial<ScreeningDraft>) => setDraft((d) => ({ ...d, ...changes }))

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const dateInput = event.currentTarget.querySelector<HTMLInputElement>(`[id="${id}-date"]`)
    const { input, errors: local = {} } = draftToInput(draft)
    // A half-typed or impossible day leaves the date input empty; say which it was.
    if (dateInput?.validity.badInput) local.watchedOn = 'That date does not exist'
    if (!input || Object.keys(local).length) {
      setErrors(local)
      return
    }
    setSaving(true)
    try {
      const entry = editing
        ? await unwrap(journal['screenings.update']({ ...input, id: editing.id }))
        : await unwrap(journal['screenings.log'](input))
      if (forReview) await unwrap(journal['screenings.link']({ id: entry.id, reviewId: forReview.id }))
      void useScreenings.getState().load()
      void useFilms.getState().load()
      announce(entry, Boolean(editing))
      onClose()
    } catch (err) {
      if (err instanceof JournalCallError && err.fields && Object.keys(err.fields).length) {
        setErrors(foldFieldErrors(err.fields))
        setFormError('')
      } else setFormError(err instanceof Error ? err.message : String(err))
    } finally {
      setSaving(false)
    }
  }

  const title = editing ? 'Edit screening' : 'Log a screening'
  return (
    <Dialog title={title} size="large" className="log-dialog" onClose={onClose}>
      <form
        noValidate
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault()
            e.currentTarget.requestSubmit()
          }
        }}
      >
        {forReview && <p className="hint">Linked to “{forReview.title}” once logged.</p>}
        {formError && (
          <p role="alert" className="field-error">
            {formError}
          </p>
        )}
        {Object.keys(errors).length > 0 && (
          <p role="alert" className="visually-hidden">
            Some fields need attention; each one says why below it.
          </p>
        )}
        <ScreeningFields
          id={id}
          draft={draft}
          errors={errors}
          hint={hint}
          facets={facets}
          update={update}
          focus={draft.film.workId && !editing ? 'date' : 'film'}
        />
        <div className="row log-actions">
          <button type="submit" className="primary" disabled={saving} aria-keyshortcuts="Control+Enter">
            {editing ? 'Save changes' : 'Log screening'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <span className="hint">Ctrl+Enter saves, Escape closes.</span>
        </div>
      </form>
    </Dialog>
  )
}

function announce(entry: ScreeningEntry, edited: boolean): void {
  const message = `${edited ? 'Saved' : 'Logged'} ${entry.workTitle}, ${formatDay(entry.watchedOn)}${entry.rewatch ? ' (rewatch)' : ''}.`
  useNotices.getState().show({
    tone: 'info',
    message,
    action: edited
      ? undefined
      : {
          label: 'Undo',
          run: () => {
            unwrap(journal['screenings.delete']({ id: entry.id }))
              .then(() => useScreenings.getState().load())
              .catch(reportError)
          }
        }
  })
}
