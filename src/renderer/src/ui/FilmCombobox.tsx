import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react'
import type { Work } from '../../../shared/domain'
import { filmLabel } from './filmLabel'
import './FilmCombobox.css'

interface Props {
  id: string
  /** The journal's films to choose from. */
  films: Work[]
  /** What the box shows, and the film it names once one is picked (null while the critic types). */
  value: { workId: string | null; title: string }
  onType(title: string): void
  onPick(film: Work): void
  /** "Add “X” as a new film" was chosen; without it, choosing it only closes the list (the title stays as typed). */
  onAddNew?(title: string): void
  onBlur?(): void
  label?: string
  /** A line under the box saying what the text stands for (read with the box). */
  status?: string
  error?: string
  placeholder?: string
  autoFocus?: boolean
  /** The wrapper's and the label's classes, so the box sits in its form's layout. */
  className?: string
  labelClassName?: string
}

const MAX_OPTIONS = 8
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()

/** Films whose title contains every typed word, titles starting with the text first. */
function matching(films: Work[], query: string): Work[] {
  const q = fold(query.trim())
  if (!q) return []
  const words = q.split(/\s+/)
  const hits = films.filter((w) => {
    const title = fold(`${w.title} ${w.originalTitle ?? ''} ${w.year ?? ''}`)
    return words.every((word) => title.includes(word))
  })
  hits.sort((a, b) => Number(!fold(a.title).startsWith(q)) - Number(!fold(b.title).startsWith(q)))
  return hits.slice(0, MAX_OPTIONS)
}

/**
 * The one way to choose a film: a WAI-ARIA combobox over a listbox. Typing filters the journal's
 * films, arrows move through them, Enter or a click picks one, Escape closes the list (and only
 * the list, not a dialog around it); when no film has the typed title it offers to add it.
 */
export function FilmCombobox(props: Props) {
  const {
    id,
    films,
    value,
    onType,
    onPick,
    onAddNew,
    onBlur,
    label = 'Film',
    status,
    error,
    placeholder,
    autoFocus
  } = props
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)

  // A film picked from the journal is settled: it is never offered back, nor as a new one.
  const options = useMemo(
    () => (value.workId ? [] : matching(films, value.title)),
    [films, value.title, value.workId]
  )
  const exact = options.some((w) => fold(w.title) === fold(value.title.trim()))
  const offerNew = !value.workId && Boolean(value.title.trim()) && !exact
  const count = options.length + (offerNew ? 1 : 0)
  const expanded = open && count > 0
  const listId = `${id}-options`
  const describedBy = [status !== undefined && `${id}-status`, error && `${id}-error`]
    .filter(Boolean)
    .join(' ')

  function choose(index: number) {
    const film = options[index]
    if (film) onPick(film)
    else onAddNew?.(value.title.trim())
    setOpen(false)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (!expanded) return setOpen(true)
      setActive((a) => (a + (event.key === 'ArrowDown' ? 1 : count - 1)) % count)
    } else if (event.key === 'Enter' && expanded) {
      event.preventDefault()
      choose(active)
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault()
      event.stopPropagation()
      setOpen(false)
    }
  }

  const option = (index: number, text: ReactNode, key: string) => (
    <li
      key={key}
      id={`${id}-option-${index}`}
      role="option"
      aria-selected={index === active}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => choose(index)}
    >
      {text}
    </li>
  )

  return (
    <div className={props.className ?? 'field'}>
      <label htmlFor={id} className={props.labelClassName}>
        {label}
      </label>
      <div className="film-combobox">
        <input
          id={id}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded ? `${id}-option-${active}` : undefined}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy || undefined}
          autoComplete="off"
          autoFocus={autoFocus}
          value={value.title}
          placeholder={placeholder}
          onChange={(e) => {
            onType(e.target.value)
            setActive(0)
            setOpen(true)
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false)
            onBlur?.()
          }}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label="Matching films"
          className="film-combobox-options"
          hidden={!expanded}
        >
          {expanded &&
            options.map((film, i) =>
              option(
                i,
                <>
                  {filmLabel(film)}
                  {film.directors.length > 0 && <span className="hint"> · {film.directors.join(', ')}</span>}
                </>,
                film.id
              )
            )}
          {expanded &&
            offerNew &&
            option(options.length, <>Add “{value.title.trim()}” as a new film</>, 'new')}
        </ul>
      </div>
      {status !== undefined && (
        <p id={`${id}-status`} className="hint film-combobox-status">
          {status}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
