import { useEffect, useId, useState, type FormEvent } from 'react'
import { useFilms, filmLabel } from './filmsStore'
import { JournalCallError } from '../../bridge'

interface Props {
  value: string | null
  onChange(workId: string | null): void
}

const NEW = '__new__'

/** Picks the film a review is about from the journal's films, or creates one in place. */
export function FilmPicker({ value, onChange }: Props) {
  const { films, loaded, load, create } = useFilms()
  const id = useId()
  const [creating, setCreating] = useState(false)
  const [title, setTitle] = useState('')
  const [year, setYear] = useState('')
  const [directors, setDirectors] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})

  useEffect(() => {
    if (!loaded) void load()
  }, [loaded, load])

  async function submit(event: FormEvent) {
    event.preventDefault()
    const yearNumber = year.trim() ? Number(year) : null
    if (yearNumber !== null && !Number.isInteger(yearNumber)) {
      setErrors({ year: 'The year is a whole number, like 1927' })
      return
    }
    try {
      const work = await create({
        title,
        year: yearNumber,
        directors: directors.split(',').map((d) => d.trim()).filter(Boolean)
      })
      onChange(work.id)
      setCreating(false)
      setTitle('')
      setYear('')
      setDirectors('')
      setErrors({})
    } catch (err) {
      setErrors(err instanceof JournalCallError && err.fields ? err.fields : { title: String((err as Error).message) })
    }
  }

  return (
    <div className="film-picker">
      <label htmlFor={`${id}-film`}>Film</label>
      <select
        id={`${id}-film`}
        value={creating ? NEW : (value ?? '')}
        onChange={(e) => {
          if (e.target.value === NEW) setCreating(true)
          else {
            setCreating(false)
            onChange(e.target.value || null)
          }
        }}
      >
        <option value="">No film yet</option>
        {films.map((w) => (
          <option key={w.id} value={w.id}>
            {filmLabel(w)}
          </option>
        ))}
        <option value={NEW}>New film…</option>
      </select>
      {creating && (
        <form className="new-film" onSubmit={submit} aria-label="New film">
          <div className="field">
            <label htmlFor={`${id}-title`}>Title</label>
            <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={Boolean(errors.title)} aria-describedby={`${id}-title-error`} autoFocus />
            {errors.title && <p id={`${id}-title-error`} className="field-error">{errors.title}</p>}
          </div>
          <div className="field">
            <label htmlFor={`${id}-year`}>Year</label>
            <input id={`${id}-year`} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} aria-invalid={Boolean(errors.year)} aria-describedby={`${id}-year-error`} />
            {errors.year && <p id={`${id}-year-error`} className="field-error">{errors.year}</p>}
          </div>
          <div className="field">
            <label htmlFor={`${id}-directors`}>Directors</label>
            <input id={`${id}-directors`} value={directors} onChange={(e) => setDirectors(e.target.value)} placeholder="Comma-separated" />
          </div>
          <div className="row">
            <button type="submit">Add film</button>
            <button type="button" onClick={() => setCreating(false)}>Cancel</button>
          </div>
        </form>
      )}
    </div>
  )
}
