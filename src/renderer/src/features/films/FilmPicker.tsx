import { useId, useState, type FormEvent } from 'react'
import { useFilmList, useFilms } from './filmsStore'
import { JournalCallError } from '../../bridge'
import { FilmCombobox } from '../../ui/FilmCombobox'
import { filmLabel } from '../../ui/filmLabel'
import { TextField } from '../../ui/TextField'

interface Props {
  value: string | null
  onChange(workId: string | null): void
}

/**
 * Picks the film a review is about from the journal's films, or adds one in place (its title,
 * year and directors). The box shows the review's film; text typed and not picked goes back to
 * it when the box is left, and a box left empty means no film yet.
 */
export function FilmPicker({ value, onChange }: Props) {
  const films = useFilmList()
  const create = useFilms((s) => s.create)
  const id = useId()
  /** The text being typed, or null when the box shows the review's film. */
  const [typed, setTyped] = useState<string | null>(null)
  const [creating, setCreating] = useState(false)
  const [title, setTitle] = useState('')
  const [year, setYear] = useState('')
  const [directors, setDirectors] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})

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
        directors: directors
          .split(',')
          .map((d) => d.trim())
          .filter(Boolean)
      })
      onChange(work.id)
      setCreating(false)
      setTitle('')
      setYear('')
      setDirectors('')
      setErrors({})
    } catch (err) {
      setErrors(
        err instanceof JournalCallError && err.fields ? err.fields : { title: String((err as Error).message) }
      )
    }
  }

  const film = value ? films.find((f) => f.id === value) : undefined
  const current = film ? filmLabel(film) : ''
  return (
    <div className="film-picker">
      <FilmCombobox
        id={`${id}-film`}
        className="film-picker-field"
        labelClassName="detail-label"
        films={films}
        value={{ workId: typed === null ? value : null, title: typed ?? current }}
        placeholder="No film yet: type to find or add one"
        onType={setTyped}
        onPick={(film) => {
          setTyped(null)
          setCreating(false)
          onChange(film.id)
        }}
        onAddNew={(newTitle) => {
          setTitle(newTitle)
          setErrors({})
          setCreating(true)
        }}
        onBlur={() => {
          if (typed === '' && value !== null) onChange(null)
          setTyped(null)
        }}
      />
      {creating && (
        <form className="new-film" onSubmit={submit} aria-label="New film">
          <TextField
            id={`${id}-title`}
            label="Title"
            value={title}
            onChange={setTitle}
            error={errors.title}
          />
          <TextField
            id={`${id}-year`}
            label="Year"
            inputMode="numeric"
            value={year}
            onChange={setYear}
            error={errors.year}
            autoFocus
          />
          <div className="field">
            <label htmlFor={`${id}-directors`}>Directors</label>
            <input
              id={`${id}-directors`}
              value={directors}
              onChange={(e) => setDirectors(e.target.value)}
              placeholder="Comma-separated"
            />
          </div>
          <div className="row">
            <button type="submit">Add film</button>
            <button type="button" onClick={() => setCreating(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  )
}
