import { useEffect, useMemo, useState, type KeyboardEvent } from 'react'
import type { Work } from '../../../../shared/domain'
import { useFilms, filmLabel } from '../films/filmsStore'

export interface FilmChoice {
  /** A film already in the journal, or null for a title still to be found or created. */
  workId: string | null
  title: string
  year: string
}

interface Props {
  id: string
  value: FilmChoice
  onChange(value: FilmChoice): void
  error?: string
  autoFocus?: boolean
}

const MAX_OPTIONS = 8
const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase()

/** Films whose title contains every typed word, titles starting with the text first. */
function matching(works: Work[], query: string): Work[] {
  const q = fold(query.trim())
  if (!q) return []
  const words = q.split(/\s+/)
  const hits = works.filter((w) => {
    const title = fold(`${w.title} ${w.originalTitle ?? ''} ${w.year ?? ''}`)
    return words.every((word) => title.includes(word))
  })
  hits.sort((a, b) => Number(!fold(a.title).startsWith(q)) - Number(!fold(b.title).startsWith(q)))
  return hits.slice(0, MAX_OPTIONS)
}

/**
 * The dialog's film field: type to search the journal's films (arrow keys and Enter pick one),
 * or keep the typed title to add it as a new film, with its year.
 */
export function FilmCombobox({ id, value, onChange, error, autoFocus }: Props) {
  const { films: works, loaded, load } = useFilms()
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  useEffect(() => {
    if (!loaded) void load()
  }, [loaded, load])

  const options = useMemo(() => (value.workId ? [] : matching(works, value.title)), [works, value.title, value.workId])
  const exact = options.some((w) => fold(w.title) === fold(value.title.trim()))
  // A film picked from the journal is settled: it is never offered back as a new one.
  const offerNew = !value.workId && Boolean(value.title.trim()) && !exact
  const count = options.length + (offerNew ? 1 : 0)
  const expanded = open && count > 0
  const listId = `${id}-options`

  function choose(index: number) {
    const work = options[index]
    if (work) onChange({ workId: work.id, title: filmLabel(work), year: work.year ? String(work.year) : '' })
    else onChange({ ...value, workId: null })
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

  return (
    <div className="film-combobox">
      <div className="field">
        <label htmlFor={id}>Film</label>
        <input
          id={id}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded ? `${id}-option-${active}` : undefined}
          aria-invalid={Boolean(error)}
          aria-describedby={`${id}-status${error ? ` ${id}-error` : ''}`}
          autoComplete="off"
          autoFocus={autoFocus}
          value={value.title}
          placeholder="Search your films or type a new title"
          onChange={(e) => {
            onChange({ workId: null, title: e.target.value, year: value.workId ? '' : value.year })
            setActive(0)
            setOpen(true)
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <ul id={listId} role="listbox" aria-label="Matching films" className="film-combobox-options" hidden={!expanded}>
          {expanded && options.map((work, i) => (
            <li
              key={work.id}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(i)}
            >
              {filmLabel(work)}
              {work.directors.length > 0 && <span className="hint"> · {work.directors.join(', ')}</span>}
            </li>
          ))}
          {expanded && offerNew && (
            <li
              id={`${id}-option-${options.length}`}
              role="option"
              aria-selected={active === options.length}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(options.length)}
            >
              Add “{value.title.trim()}” as a new film
            </li>
          )}
        </ul>
        <p id={`${id}-status`} className="hint film-combobox-status">
          {value.workId ? 'A film from your journal.' : value.title.trim() ? 'Not chosen from your films: it is matched by title, or added.' : ''}
        </p>
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
      {!value.workId && value.title.trim() && (
        <div className="field film-combobox-year">
          <label htmlFor={`${id}-year`}>Year of release</label>
          <input
            id={`${id}-year`}
            inputMode="numeric"
            value={value.year}
            onChange={(e) => onChange({ ...value, year: e.target.value })}
            placeholder="Optional"
          />
        </div>
      )}
    </div>
  )
}
