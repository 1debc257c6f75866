/** A rating shown as stars with its number for screen readers ("4.5 out of 5 stars"). */
export function StarRatingText({ rating }: { rating: number }) {
  const full = Math.floor(rating)
  const half = rating - full >= 0.5
  return (
    <span className="stars" aria-label={`${rating} out of 5 stars`} role="img">
      {'★'.repeat(full)}
      {half ? '½' : ''}
    </span>
  )
}
