import type { RatingPoint } from '../../../../shared/contract/screenings'
import { formatDay } from '../screenings/labels'

const WIDTH = 560
const HEIGHT = 160
const PAD = { left: 34, right: 12, top: 12, bottom: 26 }

/**
 * Ratings over time as a small line chart: screenings as dots, reviews as squares. The chart is
 * an image with a text summary; the same ratings are listed as text in the table beside it.
 */
export function FilmPageRatings({ points }: { points: RatingPoint[] }) {
  if (points.length === 0)
    return <p className="hint">No ratings yet: rate a screening or a review and it shows here.</p>
  const times = points.map((p) => Date.parse(`${p.on}T12:00:00Z`))
  const start = Math.min(...times)
  const span = Math.max(...times) - start || 1
  const x = (t: number) =>
    PAD.left + (points.length === 1 ? 0.5 : (t - start) / span) * (WIDTH - PAD.left - PAD.right)
  const y = (r: number) => PAD.top + (1 - r / 5) * (HEIGHT - PAD.top - PAD.bottom)
  const summary = points.map((p) => `${p.rating} stars (${p.source}, ${formatDay(p.on)})`).join('; ')
  return (
    <figure className="film-ratings">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Ratings over time: ${summary}`}>
        {[1, 2, 3, 4, 5].map((r) => (
          <g key={r}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(r)} y2={y(r)} className="film-ratings-grid" />
            <text x={PAD.left - 8} y={y(r) + 4} textAnchor="end" className="film-ratings-label">
              {r}★
            </text>
          </g>
        ))}
        <polyline
          points={points.map((p, i) => `${x(times[i])},${y(p.rating)}`).join(' ')}
          className="film-ratings-line"
        />
        {points.map((p, i) =>
          p.source === 'review' ? (
            <rect
              key={p.id}
              x={x(times[i]) - 5}
              y={y(p.rating) - 5}
              width={10}
              height={10}
              className="film-ratings-review"
            />
          ) : (
            <circle key={p.id} cx={x(times[i])} cy={y(p.rating)} r={5} className="film-ratings-screening" />
          )
        )}
        <text x={PAD.left} y={HEIGHT - 6} className="film-ratings-label">
          {formatDay(points[0].on)}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end" className="film-ratings-label">
          {formatDay(points.at(-1)?.on ?? points[0].on)}
        </text>
      </svg>
      <figcaption className="hint">Dots are screenings, squares are reviews.</figcaption>
    </figure>
  )
}
