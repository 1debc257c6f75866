import { useId, useLayoutEffect, useRef } from 'react'
import { useNewReview } from './newReview'

/**
 * The new review's title field, shown and focused the moment "New review" is chosen, while the
 * journal makes the review; the editor takes over what was typed here. Laid out like the
 * editor's own header so nothing moves when it arrives.
 */
export function StartingReview() {
  const id = useId()
  const typed = useNewReview((s) => s.typed)
  const input = useRef<HTMLTextAreaElement>(null)
  useLayoutEffect(() => input.current?.focus(), [])
  return (
    <div className="review-layout" aria-busy="true">
      <article className="review-editor" aria-labelledby={`${id}-label`}>
        <header className="review-editor-header">
          <label id={`${id}-label`} htmlFor={`${id}-title`} className="visually-hidden">
            Review title
          </label>
          <textarea
            id={`${id}-title`}
            ref={input}
            className="review-title"
            rows={1}
            placeholder="Untitled review"
            value={typed}
            onChange={(e) => useNewReview.setState({ typed: e.target.value })}
          />
          <p className="save-status save-saving" role="status" aria-live="polite">
            Starting…
          </p>
        </header>
      </article>
    </div>
  )
}
