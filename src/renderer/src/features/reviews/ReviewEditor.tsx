import { memo, useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import type { EditorState } from 'lexical'
import type { ReviewDetail } from '../../../../shared/domain'
import { journal, unwrap } from '../../bridge'
import { ReviewBodyEditor } from '../../editor/ReviewBodyEditor'
import { ResponsesThread } from '../responses/ResponsesThread'
import { ReviewScreenings } from '../screenings/ReviewScreenings'
import { useReviewSaver } from './useReviewSaver'
import { reportError, useNotices } from '../../app/noticeStore'
import { whenReviewSaved } from './pendingSaves'
import { clearRecoveryCopy, readRecoveryCopy } from './recovery'
import { ReviewDetails } from './ReviewDetails'
import { WritingAids } from './WritingAids'
import { HistoryPanel } from './HistoryPanel'
import { useFocusMode } from './useFocusMode'
import { useTrashReview } from './useTrashReview'
import { takeFreshReview, takeTypedTitle } from './newReview'
import { baseOf, noteShown, ownWrite } from './journalBase'
import { FollowStoredReview } from './FollowStoredReview'
import './reviews.css'

const STATUS_TEXT = {
  saved: 'Saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  error: 'Not saved — retrying'
}

interface Loaded {
  /** With the version of its stored body, except a review just created (it has none yet). */
  review: ReviewDetail & { bodyVersion?: string }
  /** Text from a recovery copy that had not reached the journal when the page last closed. */
  recovered: boolean
  /** Just started with "New review": the cursor goes to its title. */
  isNew?: boolean
}

/**
 * Loads one review (after any save of it still in flight) and edits it, saving as the critic
 * types. Memoised: the screen around it re-rendering (a new review starting) must not re-render
 * a whole editor.
 */
export const ReviewEditor = memo(function ReviewEditor({ reviewId }: { reviewId: string }) {
  // A review started here a moment ago opens at once from what the create answered.
  const [loaded, setLoaded] = useState<Loaded | null>(() => {
    const fresh = takeFreshReview(reviewId)
    return fresh ? { review: fresh, recovered: false, isNew: true } : null
  })
  useEffect(() => {
    if (loaded) return
    let live = true
    whenReviewSaved(reviewId)
      .then(() => unwrap(journal['reviews.get']({ id: reviewId })))
      .then((review) => live && setLoaded(withRecovery(review)), reportError)
    return () => {
      live = false
    }
    // Loads once per review (the component is keyed by it); `loaded` only says it came ready.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reviewId])
  if (!loaded)
    return (
      <div className="editor-loading" aria-busy="true">
        Opening review…
      </div>
    )
  return <LoadedReviewEditor initial={loaded} />
})

function withRecovery(review: ReviewDetail & { bodyVersion: string }): Loaded {
  const copy = readRecoveryCopy(review.id)
  if (!copy) return { review, recovered: false }
  const bodyDiffers = copy.body !== undefined && JSON.stringify(copy.body) !== JSON.stringify(review.body)
  const titleDiffers = copy.title !== undefined && copy.title !== review.title
  if (!bodyDiffers && !titleDiffers) {
    clearRecoveryCopy(review.id)
    return { review, recovered: false }
  }
  return {
    review: { ...review, body: copy.body ?? review.body, title: copy.title ?? review.title },
    recovered: true
  }
}

function LoadedReviewEditor({ initial }: { initial: Loaded }) {
  const id = useId()
  const [review, setReview] = useState(initial.review)
  const [version, setVersion] = useState(0)
  const [detailsVersion, setDetailsVersion] = useState(0)
  // The version of the stored body this opened on (a recovered copy is saved against it).
  const [base] = useState(() => baseOf(initial.review))
  const { status, change, flush, keepVersion, hasUnsaved } = useReviewSaver(review.id, base)
  const [title, setTitle] = useState(review.title)
  const [workId, setWorkId] = useState(review.workId)
  const [historyOpen, setHistoryOpen] = useState(false)
  const [spoilerMarks, setSpoilerMarks] = useState(false)
  const [focus, setFocus] = useFocusMode()
  const trash = useTrashReview(review.id, flush)
  const onBodyChange = useCallback((body: EditorState) => change({ body }), [change])
  const titleInput = useRef<HTMLTextAreaElement>(null)

  // A new review keeps the keyboard in its title, with whatever was typed while it was made.
  useLayoutEffect(() => {
    if (!initial.isNew) return
    const typed = takeTypedTitle()
    if (typed) {
      setTitle(typed)
      change({ title: typed })
    }
    const input = titleInput.current
    input?.focus()
    input?.setSelectionRange(typed.length, typed.length)
  }, [initial, change])

  useEffect(() => {
    if (!initial.recovered) return
    change({ body: initial.review.body, title: initial.review.title })
    useNotices
      .getState()
      .show({ tone: 'info', message: 'Recovered text that had not been saved when the window closed.' })
  }, [initial, change])

  function restored(next: ReviewDetail) {
    // A restore answers no body version: the next body save is taken as based on what it shows.
    noteShown(base, next)
    setReview(next)
    setTitle(next.title)
    setVersion((v) => v + 1)
  }

  // Another writer (a sync round) changed the title or details while nothing here was unsaved.
  const followed = useCallback((stored: ReviewDetail, changed: { title: boolean; details: boolean }) => {
    if (changed.title) setTitle(stored.title)
    if (!changed.details) return
    setReview((r) => ({ ...stored, body: r.body }))
    setWorkId(stored.workId)
    setDetailsVersion((v) => v + 1)
  }, [])

  return (
    <div className="review-layout">
      <article className="review-editor" aria-labelledby={`${id}-title-label`}>
        <header className="review-editor-header">
          <label id={`${id}-title-label`} htmlFor={`${id}-title`} className="visually-hidden">
            Review title
          </label>
          {/* A title wraps onto more lines rather than being cut off, as in WordPress's editor. */}
          <textarea
            id={`${id}-title`}
            ref={titleInput}
            className="review-title"
            rows={1}
            placeholder="Untitled review"
            value={title}
            onChange={(e) => {
              const next = e.target.value.replace(/\s*\n\s*/g, ' ')
              setTitle(next)
              change({ title: next })
            }}
            onKeyDown={(e) => {
              // Enter goes on to the text, as in WordPress's editor.
              if (e.key !== 'Enter' || e.nativeEvent.isComposing) return
              e.preventDefault()
              e.currentTarget.closest('article')?.querySelector<HTMLElement>('.editor-input')?.focus()
            }}
          />
          <p className={`save-status save-${status}`} role="status" aria-live="polite">
            {STATUS_TEXT[status]}
          </p>
        </header>
        <div className="review-actions">
          <button type="button" aria-haspopup="dialog" onClick={() => setHistoryOpen(true)}>
            History
          </button>
          <button
            type="button"
            aria-pressed={focus}
            aria-keyshortcuts="Control+Shift+F"
            onClick={() => setFocus(!focus)}
          >
            {focus ? 'Leave focus mode' : 'Focus mode'}
          </button>
          <button type="button" className="danger" onClick={() => void trash()}>
            Move to trash
          </button>
        </div>
        <ReviewBodyEditor
          key={`body-${version}`}
          initialDoc={review.body}
          onChange={onBodyChange}
          onSpoilerMarks={setSpoilerMarks}
          label="Review text"
          before={
            !focus && (
              <ReviewDetails
                key={`details-${version}-${detailsVersion}`}
                review={review}
                spoilerMarks={spoilerMarks}
                change={(changes) => {
                  if (changes.workId !== undefined) setWorkId(changes.workId)
                  if (changes.targetWords !== undefined)
                    setReview((r) => ({ ...r, targetWords: changes.targetWords ?? null }))
                  change(changes)
                }}
                ownWrite={(write) => flush().then(() => ownWrite(base, write))}
                onReviewChanged={(next) => setReview((r) => ({ ...r, ...next, body: r.body }))}
              />
            )
          }
          after={
            !focus && (
              <div className="review-extras">
                {/* Below the text: what other features show about this review. */}
                <ReviewScreenings reviewId={review.id} workId={workId} />
                <ResponsesThread reviewId={review.id} />
              </div>
            )
          }
        >
          <FollowStoredReview
            reviewId={review.id}
            base={base}
            hasUnsaved={hasUnsaved}
            onFollowed={followed}
          />
          <WritingAids
            initialCounts={{ words: review.wordCount, characters: review.text.length }}
            targetWords={review.targetWords}
          />
        </ReviewBodyEditor>
      </article>
      {historyOpen && (
        <HistoryPanel
          key={version}
          reviewId={review.id}
          flush={keepVersion}
          onRestored={(next) => {
            restored(next)
            setHistoryOpen(false)
          }}
          onClose={() => setHistoryOpen(false)}
        />
      )}
    </div>
  )
}
