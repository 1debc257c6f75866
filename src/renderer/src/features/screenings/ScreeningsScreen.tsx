import { useEffect } from 'react'
import { useScreenings } from './screeningsStore'
import { useQuickLog } from './quickLogStore'
import { DiaryFilters } from './DiaryFilters'
import { DiaryList } from './DiaryList'
import { plural } from './labels'
import './screenings.css'

/** The screenings diary: filters, a count, and every screening grouped by month, newest first. */
export function ScreeningsScreen() {
  const index = useScreenings((s) => s.index)
  const facets = useScreenings((s) => s.facets)
  const filter = useScreenings((s) => s.filter)
  const loaded = useScreenings((s) => s.loaded)
  const { load, setFilter } = useScreenings.getState()
  const openNew = useQuickLog((s) => s.openNew)
  useEffect(() => {
    void load()
  }, [load])
  const filtered = Object.keys(filter).length > 0
  const total = index?.total ?? 0
  const empty = loaded && total === 0

  return (
    <section className="page diary-page" aria-labelledby="screenings-heading">
      <header className="diary-header">
        <h1 id="screenings-heading">Screenings</h1>
        <p className="hint" role="status">
          {index ? `${plural(total, 'screening')}${filtered ? ' match these filters' : ''}` : ''}
        </p>
      </header>
      {(total > 0 || filtered) && <DiaryFilters filter={filter} facets={facets} onChange={setFilter} />}
      {!loaded && (
        <p className="loading" aria-busy="true">
          Opening the diary…
        </p>
      )}
      {empty && !filtered && (
        <div className="diary-empty">
          <p className="empty">No screenings logged yet.</p>
          <p className="hint">
            Every viewing you log — press screenings, festivals, a film at home — lands here, grouped by
            month.
          </p>
          <button type="button" className="primary" onClick={() => openNew()}>
            Log your first screening
          </button>
        </div>
      )}
      {empty && filtered && (
        <div className="diary-empty">
          <p className="empty">No screenings match these filters.</p>
          <button type="button" onClick={() => setFilter({})}>
            Clear filters
          </button>
        </div>
      )}
      {index && total > 0 && <DiaryList index={index} />}
      {total > 0 && (
        <p className="hint diary-keys">
          Up and Down (Page Up, Page Down, Home, End) move between screenings; Delete removes one, with Undo.
        </p>
      )}
    </section>
  )
}
