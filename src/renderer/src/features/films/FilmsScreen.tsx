import { useCallback, useEffect, useMemo, useState } from 'react'
import type { WorkSummary } from '../../../../shared/contract/works'
import { useNavigation } from '../../app/navigationStore'
import { useDataChanged } from '../../app/useDataChanged'
import { useFilms } from './filmsStore'
import { FilmsEditDialog } from './FilmsEditDialog'
import { MergeDuplicates } from './MergeDuplicates'
import './FilmsScreen.css'
import { formatDay } from '../../ui/dates'

type SortKey = 'title' | 'year' | 'screeningCount' | 'reviewCount' | 'lastSeen' | 'averageRating'

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'title', label: 'Film' },
  { key: 'year', label: 'Year', numeric: true },
  { key: 'screeningCount', label: 'Screenings', numeric: true },
  { key: 'reviewCount', label: 'Reviews', numeric: true },
  { key: 'lastSeen', label: 'Last seen' },
  { key: 'averageRating', label: 'Average rating', numeric: true }
]

/** Rows drawn at once; "Show more" adds as many again (a catalogue can hold thousands). */
const PAGE = 200

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

function compare(a: WorkSummary, b: WorkSummary, key: SortKey): number {
  const x = a[key]
  const y = b[key]
  if (x === y) return a.title.localeCompare(b.title)
  if (x === null) return 1
  if (y === null) return -1
  return typeof x === 'string' ? x.localeCompare(y as string) : (x as number) - (y as number)
}

/** Every film with its counts; sort by any column, filter by title or director, edit, merge duplicates. */
export function FilmsScreen() {
  const {
    catalogue: films,
    catalogueLoaded: loaded,
    loadCatalogue: load,
    duplicates,
    findDuplicates
  } = useFilms()
  const openFilm = useNavigation((s) => s.openFilm)
  const [filter, setFilter] = useState('')
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'title', descending: false })
  const [shown, setShown] = useState(PAGE)
  const [editing, setEditing] = useState<WorkSummary | null>(null)

  useEffect(() => {
    void load()
  }, [load])
  const reload = useCallback(() => void load(), [load])
  useDataChanged(['works', 'screenings', 'reviews'], reload)

  const rows = useMemo(() => {
    const needle = fold(filter.trim())
    const matching = needle
      ? films.filter((f) => fold([f.title, f.originalTitle ?? '', ...f.directors].join(' ')).includes(needle))
      : films
    const sorted = [...matching].sort((a, b) => compare(a, b, sort.key))
    return sort.descending ? sorted.reverse() : sorted
  }, [films, filter, sort])

  return (
    <section className="page films-screen" aria-labelledby="films-heading">
      <header className="films-header">
        <h1 id="films-heading">Films</h1>
        <span className="hint">{films.length === 1 ? '1 film' : `${films.length} films`}</span>
        <label className="films-filter">
          <span className="visually-hidden">Filter films by title or director</span>
          <input
            type="search"
            placeholder="Filter by title or director"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </label>
        <button type="button" onClick={() => void findDuplicates()} aria-expanded={duplicates !== null}>
          Find duplicates
        </button>
      </header>
      {duplicates !== null && <MergeDuplicates />}
      {loaded && films.length === 0 ? (
        <p className="empty">
          No films yet. Films appear here when you log a screening, pick a film for a review or import an
          archive.
        </p>
      ) : loaded && rows.length === 0 ? (
        <p className="empty">No film matches “{filter}”.</p>
      ) : (
        <table className="table films-table">
          <caption className="visually-hidden">
            Films, sorted by {COLUMNS.find((c) => c.key === sort.key)?.label}
          </caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? 'numeric' : undefined}
                  aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined}
                >
                  <button
                    type="button"
                    className="link-button sort-button"
                    onClick={() =>
                      setSort((s) => ({
                        key: c.key,
                        descending: s.key === c.key ? !s.descending : Boolean(c.numeric)
                      }))
                    }
                  >
                    {c.label}
                    <span aria-hidden="true">
                      {sort.key === c.key ? (sort.descending ? ' ▾' : ' ▴') : ''}
                    </span>
                  </button>
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((film) => (
              <tr key={film.id}>
                <td>
                  <button type="button" className="link-button" onClick={() => openFilm(film.id)}>
                    {film.title}
                  </button>
                  {film.directors.length > 0 && (
                    <span className="item-meta films-directors">{film.directors.join(', ')}</span>
                  )}
                </td>
                <td className="numeric">{film.year ?? '—'}</td>
                <td className="numeric">{film.screeningCount}</td>
                <td className="numeric">{film.reviewCount}</td>
                <td>{film.lastSeen ? formatDay(film.lastSeen) : '—'}</td>
                <td className="numeric">
                  {film.averageRating === null ? '—' : `${film.averageRating.toFixed(1)} / 5`}
                </td>
                <td>
                  <button type="button" onClick={() => setEditing(film)} aria-label={`Edit ${film.title}`}>
                    Edit
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + PAGE)}>
          Show more ({rows.length - shown} left)
        </button>
      )}
      {editing && <FilmsEditDialog film={editing} onClose={() => setEditing(null)} />}
    </section>
  )
}
