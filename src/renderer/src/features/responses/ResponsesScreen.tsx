import { useEffect } from 'react'
import { useResponses } from './responsesStore'
import { useReviews } from '../reviews/reviewsStore'
import { useNavigation } from '../../app/navigationStore'

/** Every reader response across the journal, newest first, with the review it answers. */
export function ResponsesScreen() {
  const { responses, loaded, load } = useResponses()
  const reviews = useReviews((s) => s.reviews)
  const loadReviews = useReviews((s) => s.load)
  const reviewsLoaded = useReviews((s) => s.loaded)
  const openReview = useNavigation((s) => s.openReview)
  useEffect(() => {
    if (!loaded) void load()
    if (!reviewsLoaded) void loadReviews()
  }, [loaded, load, reviewsLoaded, loadReviews])
  const titleOf = new Map(reviews.map((r) => [r.id, r.title || 'Untitled review']))
  return (
    <section className="page" aria-labelledby="responses-heading">
      <h1 id="responses-heading">Responses</h1>
      {loaded && responses.length === 0 ? (
        <p className="empty">No reader responses yet. They arrive with imported posts or can be added on a review.</p>
      ) : (
        <ul className="card-list">
          {responses.map((r) => (
            <li key={r.id} className="card">
              <p className="card-meta">
                <strong>{r.authorName}</strong>
                {r.isOwnReply && <span className="badge">Your reply</span>} · {new Date(r.receivedAt).toLocaleString()} ·{' '}
                <button type="button" className="link-button" onClick={() => openReview(r.reviewId)}>
                  {titleOf.get(r.reviewId) ?? 'Open review'}
                </button>
              </p>
              <p className="card-body">{r.body}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
