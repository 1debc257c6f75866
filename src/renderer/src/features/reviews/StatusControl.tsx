import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import { REVIEW_STATUSES, type ReviewDetail, type ReviewStatus } from '../../../../shared/domain'
import { journal, JournalCallError, unwrap } from '../../bridge'
import { reportError, useNotices } from '../../app/noticeStore'
import { DAY_FORMAT_HINT, DateInput, normalizeDay } from '../../ui/DateInput'
import { todayLocal } from '../../ui/dates'
import { TextField } from '../../ui/TextField'
import { PublishedDetails } from './PublishedDetails'
import type { ReviewChange } from './useReviewSaver'
import { useSettings } from '../settings/settingsStore'

interface Props {
  review: ReviewDetail
  /**
   * Saves pending text first, so the snapshot taken at the change is the text on screen, then
   * makes the status write as the open editor's own, so it is not shown back as another writer's.
   */
  ownWrite<T>(write: () => Promise<T>): Promise<T>
  onChanged(review: ReviewDetail): void
  /** Saves an edit of the outlet or address once published. */
  change(changes: ReviewChange): void
}

const LABELS: Record<ReviewStatus, string> = { draft: 'Draft', ready: 'Ready', published: 'Published' }

/** Draft → ready → published. Publishing asks for the outlet, the address and the day. */
export function StatusControl({ review, ownWrite, onChanged, change }: Props) {
  const id = useId()
  const [publishing, setPublishing] = useState(false)
  // A first publication starts with the critic's usual outlet from Preferences.
  const [outlet, setOutlet] = useState(
    () => review.outlet ?? useSettings.getState().settings?.defaultOutlet ?? ''
  )
  const [url, setUrl] = useState(review.publishedUrl ?? '')
  const [day, setDay] = useState(todayLocal)
  const [errors, setErrors] = useState<Record<string, string>>({})

  async function move(
    status: ReviewStatus,
    extra: { outlet?: string; publishedUrl?: string | null; publishedOn?: string } = {}
  ) {
    try {
      const result = await ownWrite(() =>
        unwrap(journal['reviews.setStatus']({ id: review.id, status, ...extra }))
      )
      onChanged(result.review)
      setErrors({})
      setPublishing(false)
      const label =
        status === 'published'
          ? `Published to ${result.review.outlet}; this version is kept in history.`
          : `Marked ${LABELS[status].toLowerCase()}.`
      useNotices.getState().show({ tone: 'info', message: label })
    } catch (err) {
      if (err instanceof JournalCallError && err.fields) setErrors(err.fields)
      else reportError(err)
    }
  }

  function publish(event: FormEvent) {
    event.preventDefault()
    void move('published', {
      outlet: outlet.trim() || undefined,
      publishedUrl: url.trim() || null,
      publishedOn: normalizeDay(day)
    })
  }

  /** Left/Up and Right/Down choose the previous or next status, as in any radio group. */
  function moveWithArrows(event: KeyboardEvent<HTMLDivElement>) {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key]
    if (!step) return
    event.preventDefault()
    const at = REVIEW_STATUSES.indexOf((event.target as HTMLElement).dataset.status as ReviewStatus)
    const next = REVIEW_STATUSES[(at + step + REVIEW_STATUSES.length) % REVIEW_STATUSES.length]
    event.currentTarget.querySelector<HTMLElement>(`[data-status="${next}"]`)?.focus()
    if (next === 'published') setPublishing(true)
    else void move(next)
  }

  /** Escape closes the publish form without publishing, back on the status it came from. */
  function closeOnEscape(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Escape') return
    event.preventDefault()
    event.stopPropagation()
    setPublishing(false)
    const group = event.currentTarget.closest('.status-control')
    requestAnimationFrame(() => group?.querySelector<HTMLElement>('[role="radio"][tabindex="0"]')?.focus())
  }

  return (
    <div className="status-control">
      <div
        role="radiogroup"
        aria-labelledby={`${id}-label`}
        className="status-steps"
        onKeyDown={moveWithArrows}
      >
        <span id={`${id}-label`} className="detail-label">
          Status
        </span>
        {REVIEW_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            role="radio"
            aria-checked={review.status === status}
            // One tab stop for the group; arrow keys move between the statuses (a radio group).
            tabIndex={review.status === status ? 0 : -1}
            data-status={status}
            className={`status-step status-${status}`}
            onClick={() => (status === 'published' ? setPublishing(true) : void move(status))}
          >
            {LABELS[status]}
          </button>
        ))}
      </div>
      {review.status === 'published' && !publishing && (
        <PublishedDetails key={`${review.publishedAt}-${review.outlet}`} review={review} change={change} />
      )}
      {publishing && (
        <form
          className="publish-form"
          onSubmit={publish}
          onKeyDown={closeOnEscape}
          aria-label="Publish review"
          noValidate
        >
          <TextField
            id={`${id}-outlet`}
            label="Outlet"
            value={outlet}
            onChange={setOutlet}
            error={errors.outlet}
          />
          <TextField
            id={`${id}-url`}
            label="Published address (optional)"
            type="url"
            placeholder="https://"
            value={url}
            onChange={setUrl}
            error={errors.publishedUrl}
          />
          <div className="field">
            <label htmlFor={`${id}-day`}>Published on</label>
            <DateInput
              id={`${id}-day`}
              value={day}
              onChange={setDay}
              aria-invalid={!!errors.publishedOn}
              aria-describedby={[`${id}-day-hint`, errors.publishedOn ? `${id}-day-error` : '']
                .join(' ')
                .trim()}
            />
            <span id={`${id}-day-hint`} className="field-hint">
              {DAY_FORMAT_HINT}
            </span>
            {errors.publishedOn && (
              <p id={`${id}-day-error`} className="field-error">
                {errors.publishedOn}
              </p>
            )}
          </div>
          <div className="form-actions">
            <button type="submit" className="primary">
              Mark published
            </button>
            <button type="button" onClick={() => setPublishing(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  )
}
