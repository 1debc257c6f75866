import type { KeyboardEvent, MouseEvent } from 'react'

interface Props {
  value: number | null
  onChange(rating: number | null): void
  labelledBy: string
}

const STARS = [1, 2, 3, 4, 5]

/**
 * Half-star rating as a slider: arrow keys move by half a star, Home/End jump to the ends,
 * Delete or Backspace (or 0) clears it. A click on a star's left half gives the half.
 */
export function RatingInput({ value, onChange, labelledBy }: Props) {
  const current = value ?? 0
  const set = (n: number) => onChange(n <= 0 ? null : Math.min(5, Math.max(0.5, Math.round(n * 2) / 2)))

  function onKeyDown(event: KeyboardEvent) {
    const moves: Record<string, number> = {
      ArrowRight: current + 0.5,
      ArrowUp: current + 0.5,
      ArrowLeft: current - 0.5,
      ArrowDown: current - 0.5,
      Home: 0.5,
      End: 5,
      PageUp: current + 1,
      PageDown: current - 1,
      Delete: 0,
      Backspace: 0,
      '0': 0
    }
    const next = event.key in moves ? moves[event.key] : /^[1-5]$/.test(event.key) ? Number(event.key) : undefined
    if (next === undefined) return
    event.preventDefault()
    set(next)
  }

  function onClick(event: MouseEvent<HTMLSpanElement>, star: number) {
    const box = event.currentTarget.getBoundingClientRect()
    const half = event.clientX - box.left < box.width / 2
    const next = half ? star - 0.5 : star
    set(next === current ? 0 : next)
  }

  return (
    <div className="rating-row">
    <div
      className="rating-input"
      role="slider"
      tabIndex={0}
      aria-labelledby={labelledBy}
      aria-valuemin={0}
      aria-valuemax={5}
      aria-valuenow={current}
      aria-valuetext={value === null ? 'No rating' : `${value} out of 5 stars`}
      onKeyDown={onKeyDown}
    >
      {STARS.map((star) => {
        const fill = current >= star ? 'full' : current >= star - 0.5 ? 'half' : 'empty'
        return (
          <span key={star} className={`rating-star rating-${fill}`} aria-hidden="true" onClick={(e) => onClick(e, star)}>
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
  )
}
