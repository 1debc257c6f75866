import { useEffect, useState } from 'react'
import { useReviews } from './reviewsStore'
import { useNavigation } from '../../app/navigationStore'
import { ReviewEditor } from './ReviewEditorLater'
import { ReviewList } from './ReviewList'
import { startNewReview, useNewReview } from './newReview'
import { StartingReview } from './StartingReview'

/** The reviews list beside the open review. */
export function ReviewsScreen() {
  const { reviews, loaded, load } = useReviews()
  const { reviewId, openReview } = useNavigation()
  const starting = useNewReview((s) => s.starting)
  // State, not a ref: the list must render again once the pane it scrolls in exists.
  const [pane, setPane] = useState<HTMLElement | null>(null)

  useEffect(() => {
    if (!loaded) void load()
  }, [loaded, load])

  return (
    <div className="split">
      <section className="list-pane" aria-labelledby="reviews-heading" ref={setPane}>
        <div className="pane-header">
          <h1 id="reviews-heading">Reviews</h1>
          <button
            type="button"
            className="primary"
            onClick={() => void startNewReview()}
            aria-keyshortcuts="Control+N"
          >
            New review
          </button>
        </div>
        {loaded && reviews.length === 0 ? (
          <p className="empty">No reviews yet. Start one with “New review”.</p>
        ) : (
          <ReviewList reviews={reviews} currentId={reviewId} onOpen={openReview} scroller={pane} />
        )}
      </section>
      <section className="detail-pane review-pane" aria-label="Open review">
        {/* While a new review is being made, the open one stays mounted but hidden: taking a whole
            editor down before the new title can take the keyboard would delay it. */}
        {starting && <StartingReview />}
        {reviewId ? (
          <div className="review-slot" hidden={starting}>
            <ReviewEditor key={reviewId} reviewId={reviewId} />
          </div>
        ) : (
          !starting && <p className="empty">Choose a review on the left, or start a new one.</p>
        )}
      </section>
    </div>
  )
}
