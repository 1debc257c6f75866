import { useId, useMemo, useState, type KeyboardEvent } from 'react'
import { useReviews } from './reviewsStore'

interface Props {
  value: string[]
  onChange(tags: string[]): void
}

/**
 * Tags as removable chips with an input that suggests the journal's existing tags. Enter or a
 * comma adds what was typed; Escape clears it; Backspace in the empty input removes the last tag.
 * Leaving the box makes no tag of what is half typed (as WordPress's tag box and Letterboxd
 * do): the text stays in the box for later.
 */
export function TagsInput({ value, onChange }: Props) {
  const id = useId()
  const [draft, setDraft] = useState('')
  const reviews = useReviews((s) => s.reviews)
  const known = useMemo(() => {
    const all = new Map<string, string>()
    for (const r of reviews) for (const t of r.tags) all.set(t.toLowerCase(), t)
    for (const t of value) all.delete(t.toLowerCase())
    return [...all.values()].sort((a, b) => a.localeCompare(b))
  }, [reviews, value])

  function add(raw: string) {
    const tag = raw.trim().replace(/,+$/, '').trim()
    if (!tag || tag.length > 80) return
    if (!value.some((t) => t.toLowerCase() === tag.toLowerCase())) onChange([...value, tag])
    setDraft('')
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault()
      add(draft)
    } else if (event.key === 'Escape' && draft !== '') {
      // Only the typed text: with the box already empty, Escape goes on to whatever else uses it.
      event.preventDefault()
      event.stopPropagation()
      setDraft('')
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1))
    }
  }

  return (
    <div className="tags-input">
      <ul className="tag-chips" aria-label="Tags">
        {value.map((tag) => (
          <li key={tag} className="tag-chip">
            {tag}
            <button
              type="button"
              className="tag-remove"
              aria-label={`Remove tag ${tag}`}
              onClick={() => onChange(value.filter((t) => t !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <label htmlFor={`${id}-tag`} className="visually-hidden">
        Add a tag
      </label>
      <input
        id={`${id}-tag`}
        list={`${id}-known`}
        value={draft}
        placeholder={value.length ? 'Add a tag' : 'Add tags (Enter after each)'}
        onChange={(e) => {
          const next = e.target.value
          // Choosing a suggestion from the list fills the whole value at once: add it.
          if (known.includes(next)) add(next)
          else setDraft(next)
        }}
        onKeyDown={onKeyDown}
      />
      <datalist id={`${id}-known`}>
        {known.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
    </div>
  )
}
