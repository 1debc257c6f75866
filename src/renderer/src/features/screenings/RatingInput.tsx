interface Props {
  id: string
  value: number | null
  onChange(value: number | null): void
  error?: string
}

const describe = (value: number | null) => (value === null ? 'No rating' : `${value} out of 5 stars`)

/**
 * A rating in half stars, or none: a slider from "no rating" to five stars, so arrow keys,
 * Home and End work as they do everywhere, with the stars drawn beside it.
 */
export function RatingInput({ id, value, onChange, error }: Props) {
  const full = Math.floor(value ?? 0)
  const half = (value ?? 0) - full >= 0.5
  return (
    <div className="field screening-rating">
      <label htmlFor={id}>Rating at the time</label>
      <div className="row">
        <input
          id={id}
          type="range"
          min={0}
          max={5}
          step={0.5}
          value={value ?? 0}
          aria-valuetext={describe(value)}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            const next = Number(e.target.value)
            onChange(next === 0 ? null : next)
          }}
        />
        <span className="screening-rating-stars" aria-hidden="true">
          {value === null ? 'No rating' : `${'★'.repeat(full)}${half ? '½' : ''}`}
        </span>
        {value !== null && (
          <button type="button" className="link-button" onClick={() => onChange(null)}>
            Clear rating
          </button>
        )}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
