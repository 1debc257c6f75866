import { useEffect } from 'react'
import { useReviews } from './reviewsStore'
import { useNavigation } from '../../app/navigationStore'
import { ReviewEditor } from './ReviewEditor'
import { StarRatingText } from '../../components/StarRatingText'

/** The reviews list beside the open review. */
export function ReviewsScreen() {
  const { reviews, loaded, load, create } = useReviews()
  const { reviewId, openReview } = useNavigation()

  useEffect(() => {
    if (!loaded) void load()
  }, [loaded, load])

  async function newReview() {
    const id = await create()
    if (id) openReview(id)
  }

  return (
    <div className="split">
      <section className="list-pane" aria-labelledby="reviews-heading">
        <div className="pane-header">
          <h1 id="reviews-heading">Reviews</h1>
          <button type="button" className="primary" onClick={newReview} aria-keyshortcuts="Control+N">
            New review
          </button>
        </div>
        {loaded && reviews.length === 0 ? (
          <p className="empty">No reviews yet. Start one with “New review”.</p>
        ) : (
          <ul className="item-list" aria-label="Reviews">
            {reviews.map((review) => (
              <li key={review.id}>
                <button
                  type="button"
                  className="item"
                  aria-current={review.id === reviewId ? 'true' : undefined}
                  onClick={() => openReview(review.id)}
                >
                  <span className="item-title">{review.title || 'Untitled review'}</span>
                  <span className="item-meta">
                    {[review.workTitle, review.status, `${review.wordCount} words`].filter(Boolean).join(' · ')}
                    {review.rating !== null && <StarRatingText rating={review.rating} />}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="detail-pane" aria-label="Open review">
        {reviewId ? (
          <ReviewEditor key={reviewId} reviewId={reviewId} />
        ) : (
          <p className="empty">Choose a review on the left, or start a new one.</p>
        )}
      </section>
    </div>
  )
}
