import { useEffect, useId, useState } from 'react'
import type { ReviewDetail } from '../../../../shared/domain'
import { targetWordsSchema } from '../../../../shared/contract/reviews'
import { FilmPicker } from '../films/FilmPicker'
import { RatingInput } from '../../ui/RatingInput'
import { TagsInput } from './TagsInput'
import { StatusControl } from './StatusControl'
import type { ReviewChange } from './useReviewSaver'
import { useReviews } from './reviewsStore'

interface Props {
  review: ReviewDetail
  /** The text holds spoiler marks: the review then contains spoilers, whatever the box said. */
  spoilerMarks: boolean
  change(changes: ReviewChange): void
  /** Saves pending text, then makes a write of the editor's own (see StatusControl). */
  ownWrite<T>(write: () => Promise<T>): Promise<T>
  onReviewChanged(review: ReviewDetail): void
}

/**
 * The review's details beside its text: film, rating, tags, status, standfirst, the password
 * that protects it on the site (when it has one), spoilers, responses, target.
 */
export function ReviewDetails({ review, spoilerMarks, change, ownWrite, onReviewChanged }: Props) {
  const id = useId()
  const [workId, setWorkId] = useState(review.workId)
  const [rating, setRating] = useState(review.rating)
  const [tags, setTags] = useState(review.tags)
  const [hasSpoilers, setHasSpoilers] = useState(review.hasSpoilers || spoilerMarks)
  // A mark in the text ticks the box (the journal sets the flag when it saves that text), and
  // it stays ticked after the last mark goes, for the critic to untick if they wish.
  useEffect(() => {
    if (spoilerMarks) setHasSpoilers(true)
  }, [spoilerMarks])
  const [closed, setClosed] = useState(review.responsesClosed)
  // The thread below can reopen the review (adding a reader's response asks to); follow it.
  const closedInList = useReviews((s) => s.reviews.find((r) => r.id === review.id)?.responsesClosed)
  useEffect(() => {
    if (closedInList !== undefined) setClosed(closedInList)
  }, [closedInList])
  const [standfirst, setStandfirst] = useState(review.standfirst)
  const [password, setPassword] = useState(review.password ?? '')
  // Shown for a review protected on its site, and kept while it is open once emptied (to retype).
  const [protectedOnSite] = useState(review.password !== null)
  const [target, setTarget] = useState(review.targetWords?.toString() ?? '')
  const [targetError, setTargetError] = useState<string | null>(null)

  function saveTarget(raw: string) {
    setTarget(raw)
    if (raw.trim() === '') {
      setTargetError(null)
      change({ targetWords: null })
      return
    }
    const parsed = targetWordsSchema.safeParse(Number(raw))
    setTargetError(parsed.success ? null : parsed.error.issues[0]!.message)
    if (parsed.success) change({ targetWords: parsed.data })
  }

  return (
    <section className="review-details" aria-label="Review details">
      <FilmPicker
        value={workId}
        onChange={(next) => {
          setWorkId(next)
          change({ workId: next })
        }}
      />
      <RatingInput
        id={`${id}-rating`}
        label="Rating"
        className="detail-row"
        labelClassName="detail-label"
        value={rating}
        onChange={(next) => {
          setRating(next)
          change({ rating: next })
        }}
      />
      <div className="detail-row">
        <span className="detail-label">Tags</span>
        <TagsInput
          value={tags}
          onChange={(next) => {
            setTags(next)
            change({ tags: next })
          }}
        />
      </div>
      <StatusControl review={review} ownWrite={ownWrite} onChanged={onReviewChanged} change={change} />
      <div className="detail-row detail-standfirst">
        <label htmlFor={`${id}-standfirst`} className="detail-label">
          Standfirst
        </label>
        <textarea
          id={`${id}-standfirst`}
          rows={2}
          maxLength={2000}
          value={standfirst}
          placeholder="A line or two shown above the review (a WordPress excerpt)"
          onChange={(e) => {
            setStandfirst(e.target.value)
            change({ standfirst: e.target.value })
          }}
        />
      </div>
      {protectedOnSite && (
        <div className="detail-row review-protected">
          <label htmlFor={`${id}-password`} className="detail-label">
            Password
          </label>
          <input
            id={`${id}-password`}
            type="text"
            maxLength={255}
            autoComplete="off"
            spellCheck={false}
            value={password}
            aria-describedby={`${id}-password-hint`}
            onChange={(e) => {
              setPassword(e.target.value)
              change({ password: e.target.value === '' ? null : e.target.value })
            }}
          />
          <p id={`${id}-password-hint`} className="hint">
            Readers of the site need it to read the review; a WordPress export keeps it. Empty: open to all.
          </p>
        </div>
      )}
      <div className="detail-row detail-switches">
        <label>
          <input
            type="checkbox"
            checked={hasSpoilers || spoilerMarks}
            disabled={spoilerMarks}
            onChange={(e) => {
              setHasSpoilers(e.target.checked)
              change({ hasSpoilers: e.target.checked })
            }}
          />{' '}
          Contains spoilers
          {spoilerMarks && <span className="hint"> (marked in the text)</span>}
        </label>
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={closed}
            onChange={(e) => {
              setClosed(e.target.checked)
              change({ responsesClosed: e.target.checked })
            }}
          />{' '}
          Responses closed
        </label>
        <span className="field">
          <label htmlFor={`${id}-target`}>Target length</label>{' '}
          <input
            id={`${id}-target`}
            className="target-input"
            type="number"
            inputMode="numeric"
            min={50}
            step={50}
            value={target}
            placeholder="words"
            aria-invalid={targetError !== null}
            aria-describedby={targetError ? `${id}-target-error` : undefined}
            onChange={(e) => saveTarget(e.target.value)}
          />
          {targetError && (
            <span id={`${id}-target-error`} className="field-error">
              {targetError}
            </span>
          )}
        </span>
      </div>
    </section>
  )
}
