import { useCallback, useEffect, useId, useState } from 'react'
import type { LexicalDoc, ReviewDetail } from '../../../../shared/domain'
import { journal, unwrap } from '../../bridge'
import { ReviewBodyEditor } from '../../editor/ReviewBodyEditor'
import { ResponsesThread } from '../responses/ResponsesThread'
import { FilmPicker } from '../works/FilmPicker'
import { ReviewScreenings } from '../screenings/ReviewScreenings'
import { useReviewSaver } from './useReviewSaver'
import { reportError } from '../../app/noticeStore'

const STATUS_TEXT = { saved: 'Saved', unsaved: 'Unsaved changes', saving: 'Saving…', error: 'Not saved — retrying' }

/** Loads one review and edits its title, film and body, saving as the critic types. */
export function ReviewEditor({ reviewId }: { reviewId: string }) {
  const [review, setReview] = useState<ReviewDetail | null>(null)
  useEffect(() => {
    let live = true
    unwrap(journal['reviews.get']({ id: reviewId })).then((r) => live && setReview(r), reportError)
    return () => {
      live = false
    }
  }, [reviewId])
  if (!review) return <div className="editor-loading" aria-busy="true">Opening review…</div>
  return <LoadedReviewEditor review={review} />
}

function LoadedReviewEditor({ review }: { review: ReviewDetail }) {
  const id = useId()
  const { status, change } = useReviewSaver(review.id)
  const [title, setTitle] = useState(review.title)
  const [workId, setWorkId] = useState(review.workId)
  const onBodyChange = useCallback((body: LexicalDoc) => change({ body }), [change])

  return (
    <article className="review-editor" aria-labelledby={`${id}-title-label`}>
      <header className="review-editor-header">
        <label id={`${id}-title-label`} htmlFor={`${id}-title`} className="visually-hidden">
          Review title
        </label>
        <input
          id={`${id}-title`}
          className="review-title"
          placeholder="Untitled review"
          value={title}
          onChange={(e) => {
            setTitle(e.target.value)
            change({ title: e.target.value })
          }}
        />
        <p className={`save-status save-${status}`} role="status" aria-live="polite">
          {STATUS_TEXT[status]}
        </p>
      </header>
      <FilmPicker
        value={workId}
        onChange={(next) => {
          setWorkId(next)
          change({ workId: next })
        }}
      />
      <ReviewBodyEditor initialDoc={review.body} onChange={onBodyChange} label="Review text" />
      <ReviewScreenings reviewId={review.id} workId={workId} />
      <ResponsesThread reviewId={review.id} />
    </article>
  )
}
