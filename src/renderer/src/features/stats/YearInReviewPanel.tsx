import type { YearInReview } from '../../../../shared/contract/stats'
import { useNavigation } from '../../app/navigationStore'
import { monthLabel } from './statsLabels'

/** One year in words: films seen, first-time against rewatch, the best-rated, the longest review. */
export function YearInReviewPanel({ review }: { review: YearInReview }) {
  const { openFilm, openReview } = useNavigation()
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`
  return (
    <section className="year-review" aria-labelledby="year-review-heading">
      <h2 id="year-review-heading">{review.year} in review</h2>
      {review.screenings === 0 && review.reviewsWritten === 0 ? (
        <p className="empty">Nothing was logged or written in {review.year}.</p>
      ) : (
        <div className="year-review-facts">
          <div className="card">
            <p>
              {plural(review.filmsSeen, 'film', 'films')} seen in{' '}
              {plural(review.screenings, 'screening', 'screenings')}:{' '}
              {plural(review.firstTime, 'first viewing', 'first viewings')} and{' '}
              {plural(review.rewatches, 'rewatch', 'rewatches')}.
            </p>
            <p>
              {plural(review.reviewsWritten, 'review', 'reviews')} written,{' '}
              {plural(review.wordsWritten, 'word', 'words')} in all.
            </p>
            {review.busiestMonth && (
              <p>
                Busiest month: {monthLabel(review.busiestMonth.month, false)}, with{' '}
                {plural(review.busiestMonth.count, 'screening', 'screenings')}.
              </p>
            )}
          </div>
          <div className="card">
            <h3>Top rated</h3>
            {review.topRated.length === 0 ? (
              <p className="empty">No rated screenings this year.</p>
            ) : (
              <ol>
                {review.topRated.map((film) => (
                  <li key={film.workId}>
                    <button type="button" className="link-button" onClick={() => openFilm(film.workId)}>
                      {film.title}
                      {film.year ? ` (${film.year})` : ''}
                    </button>{' '}
                    — {film.rating}★
                  </li>
                ))}
              </ol>
            )}
          </div>
          <div className="card">
            <h3>Longest review</h3>
            {review.longestReview ? (
              <p>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => openReview(review.longestReview!.id)}
                >
                  {review.longestReview.title}
                </button>{' '}
                — {plural(review.longestReview.wordCount, 'word', 'words')}
              </p>
            ) : (
              <p className="empty">No review written this year.</p>
            )}
          </div>
        </div>
      )}
    </section>
  )
}
