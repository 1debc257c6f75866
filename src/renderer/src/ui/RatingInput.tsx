import { useRef, type KeyboardEvent, type MouseEvent } from 'react'
import './RatingInput.css'

interface Props {
  id: string
  label: string
  value: number | null
  onChange(rating: number | null): void
  error?: string
  /** The wrapper's and the label's classes, so the rating sits in its form's layout. */
  className?: string
  labelClassName?: string
}

const STARS = [1, 2, 3, 4, 5]

/** What a screen reader says for a rating: "3.5 out of 5 stars", or "No rating". */
const describeRating = (value: number | null) => (value === null ? 'No rating' : `${value} out of 5 stars`)

/** The rating a key asks for from `current` (0 for none), or undefined when the key is not ours. */
function ratingForKey(key: string, current: number): number | undefined {
  const moves: Record<string, number> = {
    ArrowRight: current + 0.5,
    ArrowUp: current + 0.5,
    ArrowLeft: current - 0.5,
    ArrowDown: current - 0.5,
    PageUp: current + 1,
    PageDown: current - 1,
    // Home is the lowest rating, half a star; taking the rating away is Delete's job.
    Home: 0.5,
    End: 5,
    Delete: 0,
    Backspace: 0,
    '0': 0
  }
  if (key in moves) return moves[key]
  return /^[1-5]$/.test(key) ? Number(key) : undefined
}

/**
 * The one rating control: half stars from ½ to 5, or no rating. A slider (a native range input,
 * so its label, value text and focus are the browser's own) drawn as five stars: arrows move by
 * half a star, Page Up/Down by a star, Home/End go to ½ and 5, digits pick whole stars, Delete,
 * Backspace or 0 clear it. A click on a star's left half gives the half; on the rating it shows,
 * it clears, as on Letterboxd.
 */
export function RatingInput({ id, label, value, onChange, error, className, labelClassName }: Props) {
  const input = useRef<HTMLInputElement>(null)
  const current = value ?? 0
  const set = (n: number) => onChange(n <= 0 ? null : Math.min(5, Math.max(0.5, Math.round(n * 2) / 2)))

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const next = ratingForKey(event.key, current)
    if (next === undefined) return
    // Every key is ours, so the range's own steps (and its Home to "no rating") never apply.
    event.preventDefault()
    set(next)
  }

  function onStarClick(event: MouseEvent<HTMLSpanElement>, star: number) {
    const box = event.currentTarget.getBoundingClientRect()
    const next = event.clientX - box.left < box.width / 2 ? star - 0.5 : star
    set(next === current ? 0 : next)
    input.current?.focus({ preventScroll: true })
  }

  return (
    <div className={className}>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <div className="rating-row">
        <div className="rating-input">
          <input
            ref={input}
            id={id}
            type="range"
            min={0}
            max={5}
            step={0.5}
            value={current}
            aria-valuetext={describeRating(value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onKeyDown={onKeyDown}
            onChange={(e) => set(Number(e.target.value))}
          />
          {STARS.map((star) => {
            const fill = current >= star ? 'full' : current >= star - 0.5 ? 'half' : 'empty'
            return (
              <span
                key={star}
                className={`rating-star rating-${fill}`}
                aria-hidden="true"
                onClick={(e) => onStarClick(e, star)}
              >
                ★
              </span>
            )
          })}
          <span className="rating-value" aria-hidden="true">
            {value === null ? 'No rating' : value}
          </span>
        </div>
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
