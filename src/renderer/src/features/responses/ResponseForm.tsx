import {
  useEffect,
  useId,
  useRef,
  useState,
  type ClipboardEvent,
  type FormEvent,
  type KeyboardEvent
} from 'react'
import type { ThreadItem } from '../../../../shared/contract/responses'
import { journal, unwrap, JournalCallError } from '../../bridge'
import { fromLocalInput, toLocalInput } from './format'
import { textFromPastedHtml } from './pasteText'
import { useReviews } from '../reviews/reviewsStore'
import { useSettings } from '../settings/settingsStore'

export type FormMode = 'reader' | 'own' | 'edit'

interface ResponseFormProps {
  reviewId: string
  mode: FormMode
  /** The response being answered (add), or null for a new top-level response. */
  parent: { id: string; authorName: string } | null
  /** The response being edited (edit mode). */
  editing?: ThreadItem
  /** Where an edited response may move: every response but itself and its replies. */
  parentChoices?: { id: string; label: string }[]
  closed: boolean
  ownName: string
  onDone(id: string): void
  onCancel(): void
  /** Offered when editing: deletes the response (with an undo). */
  onDelete?(): void
}

const TITLES: Record<FormMode, string> = {
  reader: 'Add a reader’s response',
  own: 'Your reply',
  edit: 'Edit response'
}

/** Adds a reader's response or the critic's own reply by hand, or edits one; errors sit beside their fields. */
export function ResponseForm(props: ResponseFormProps) {
  const { reviewId, mode, parent, editing, parentChoices, closed, ownName, onDone, onCancel, onDelete } =
    props
  const id = useId()
  const firstField = useRef<HTMLInputElement>(null)
  const bodyField = useRef<HTMLTextAreaElement>(null)
  const [name, setName] = useState(editing?.authorName ?? (mode === 'own' ? ownName : ''))
  const [email, setEmail] = useState(editing?.authorEmail ?? '')
  const [url, setUrl] = useState(editing?.authorUrl ?? '')
  const [received, setReceived] = useState(toLocalInput(editing?.receivedAt))
  const [body, setBody] = useState(editing?.body ?? '')
  const [parentId, setParentId] = useState(editing?.parentId ?? '')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [mustReopen, setMustReopen] = useState(closed && mode === 'reader')

  useEffect(() => {
    // The critic's reply starts in its text, unless it has no signature yet.
    if (mode === 'own' && ownName) bodyField.current?.focus()
    else firstField.current?.focus()
  }, [mode, ownName])

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    setErrors({})
    setFormError(null)
    try {
      const fields = {
        authorName: name,
        authorEmail: email,
        authorUrl: url,
        receivedAt: fromLocalInput(received),
        body
      }
      let saved
      if (mode === 'edit' && editing) {
        saved = await unwrap(
          journal['responses.update']({ id: editing.id, ...fields, parentId: parentId || null })
        )
      } else {
        if (mustReopen) {
          const saved = await unwrap(journal['reviews.save']({ id: reviewId, responsesClosed: false }))
          useReviews.getState().patch(reviewId, { responsesClosed: false, updatedAt: saved.updatedAt })
        }
        const isOwnReply = mode === 'own'
        saved = await unwrap(
          journal['responses.add']({ reviewId, parentId: parent?.id ?? null, isOwnReply, ...fields })
        )
        // The first signature becomes the critic's name in Preferences, for replies and exports.
        if (isOwnReply && !useSettings.getState().settings?.criticName)
          void useSettings.getState().update({ criticName: name.trim() })
      }
      onDone(saved.id)
    } catch (err) {
      const fields = err instanceof JournalCallError ? err.fields : undefined
      if (fields?.responsesClosed) setMustReopen(true)
      setErrors(fields ?? {})
      setFormError(err instanceof Error ? err.message : String(err))
      setBusy(false)
      const invalid = Object.keys(fields ?? {}).find((key) => key !== 'responsesClosed')
      if (invalid) requestAnimationFrame(() => document.getElementById(`${id}-${invalid}`)?.focus())
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape') {
      event.preventDefault()
      onCancel()
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      event.currentTarget.requestSubmit()
    }
  }

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const html = event.clipboardData.getData('text/html')
    const text = html ? textFromPastedHtml(html) : ''
    if (!text) return
    event.preventDefault()
    const area = event.currentTarget
    area.setRangeText(text, area.selectionStart, area.selectionEnd, 'end')
    setBody(area.value)
  }

  const field = (key: string) => ({
    id: `${id}-${key}`,
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': errors[key] ? `${id}-${key}-error` : undefined
  })
  const errorFor = (key: string) =>
    errors[key] ? (
      <p id={`${id}-${key}-error`} className="field-error">
        {errors[key]}
      </p>
    ) : null

  const hasFieldErrors = Object.keys(errors).some((k) => k !== 'responsesClosed')

  return (
    <form
      className="response-form"
      aria-labelledby={`${id}-title`}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
    >
      <h3 id={`${id}-title`}>
        {TITLES[mode]}
        {parent && mode !== 'edit' && <span className="subtle"> to {parent.authorName}</span>}
      </h3>
      {mustReopen && (
        <p className="response-closed-ask" role="note">
          Comments are closed on this review. Adding a reader’s response reopens them.
        </p>
      )}
      <div className="response-form-grid">
        <div className="field">
          <label htmlFor={`${id}-authorName`}>{mode === 'own' ? 'Sign as' : 'Name'} (required)</label>
          <input
            ref={firstField}
            {...field('authorName')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
            required
          />
          {errorFor('authorName')}
        </div>
        {mode !== 'own' && (
          <>
            <div className="field">
              <label htmlFor={`${id}-authorEmail`}>Email</label>
              <input
                {...field('authorEmail')}
                type="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                autoComplete="off"
              />
              {errorFor('authorEmail')}
            </div>
            <div className="field">
              <label htmlFor={`${id}-authorUrl`}>Website</label>
              <input
                {...field('authorUrl')}
                value={url}
                onChange={(e) => setUrl(e.target.value)}
                placeholder="https://"
                autoComplete="off"
              />
              {errorFor('authorUrl')}
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor={`${id}-receivedAt`}>Received</label>
          <input
            {...field('receivedAt')}
            type="datetime-local"
            value={received}
            onChange={(e) => setReceived(e.target.value)}
          />
          {errorFor('receivedAt')}
        </div>
        {mode === 'edit' && parentChoices && (
          <div className="field">
            <label htmlFor={`${id}-parentId`}>In reply to</label>
            <select {...field('parentId')} value={parentId} onChange={(e) => setParentId(e.target.value)}>
              <option value="">Nobody (top level)</option>
              {parentChoices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
            {errorFor('parentId')}
          </div>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>Text (required)</label>
        <textarea
          ref={bodyField}
          {...field('body')}
          rows={6}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          onPaste={onPaste}
        />
        {errorFor('body')}
      </div>
      {errors.parentId && mode !== 'edit' && <p className="field-error">{errors.parentId}</p>}
      {formError && (
        <p className={hasFieldErrors ? 'visually-hidden' : 'field-error'} role="alert">
          {hasFieldErrors ? 'Not saved: check the fields marked above.' : formError}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={busy} aria-keyshortcuts="Control+Enter">
          {mode === 'edit'
            ? 'Save changes'
            : mustReopen
              ? 'Reopen comments and add'
              : mode === 'own'
                ? 'Add your reply'
                : 'Add response'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {onDelete && (
          <button type="button" className="response-delete" onClick={onDelete}>
            Delete response
          </button>
        )}
      </div>
    </form>
  )
}
