import { useFilmList } from '../films/filmsStore'
import { FilmCombobox } from '../../ui/FilmCombobox'
import { filmLabel } from '../../ui/filmLabel'

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

/**
 * The log dialog's film: pick one of the journal's films, or keep a typed title, which the
 * journal matches by title or adds as a new film when the screening is logged, with its year.
 */
export function FilmField({ id, value, onChange, error, autoFocus }: Props) {
  const films = useFilmList()
  return (
    <div className="screening-film">
      <FilmCombobox
        id={id}
        films={films}
        value={value}
        onType={(title) => onChange({ workId: null, title, year: value.workId ? '' : value.year })}
        onPick={(film) =>
          onChange({ workId: film.id, title: filmLabel(film), year: film.year ? String(film.year) : '' })
        }
        status={
          value.workId
            ? 'A film from your journal.'
            : value.title.trim()
              ? 'Not chosen from your films: it is matched by title, or added.'
              : ''
        }
        error={error}
        placeholder="Search your films or type a new title"
        autoFocus={autoFocus}
      />
      {!value.workId && value.title.trim() && (
        <div className="field screening-film-year">
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
