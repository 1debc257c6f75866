import { useId } from 'react'
import { SCREENING_FORMATS } from '../../../../shared/domain'
import type { DiaryFacets, DiaryFilter } from '../../../../shared/contract/screenings'
import { FORMAT_LABELS } from './labels'

interface Props {
  filter: DiaryFilter
  facets: DiaryFacets | null
  onChange(filter: DiaryFilter): void
}

/** Sets or clears one key of the filter ('' clears it). */
function withValue<K extends keyof DiaryFilter>(
  filter: DiaryFilter,
  key: K,
  value: DiaryFilter[K] | undefined
): DiaryFilter {
  const next = { ...filter }
  if (value === undefined) delete next[key]
  else next[key] = value
  return next
}

/** The diary's filters: year, format, venue, tag and rewatch, each a menu of what the diary holds. */
export function DiaryFilters({ filter, facets, onChange }: Props) {
  const id = useId()
  const active = Object.keys(filter).length > 0
  return (
    <div className="diary-filters row" role="group" aria-label="Filter the diary">
      <label htmlFor={`${id}-year`}>Year</label>
      <select
        id={`${id}-year`}
        value={filter.year ?? ''}
        onChange={(e) =>
          onChange(withValue(filter, 'year', e.target.value ? Number(e.target.value) : undefined))
        }
      >
        <option value="">Any</option>
        {facets?.years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-format`}>Format</label>
      <select
        id={`${id}-format`}
        value={filter.format ?? ''}
        onChange={(e) =>
          onChange(withValue(filter, 'format', (e.target.value || undefined) as DiaryFilter['format']))
        }
      >
        <option value="">Any</option>
        {SCREENING_FORMATS.map((f) => (
          <option key={f} value={f}>
            {FORMAT_LABELS[f]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-venue`}>Venue</label>
      <select
        id={`${id}-venue`}
        value={filter.venue ?? ''}
        onChange={(e) => onChange(withValue(filter, 'venue', e.target.value || undefined))}
      >
        <option value="">Any</option>
        {facets?.venues.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-tag`}>Tag</label>
      <select
        id={`${id}-tag`}
        value={filter.tag ?? ''}
        onChange={(e) => onChange(withValue(filter, 'tag', e.target.value || undefined))}
      >
        <option value="">Any</option>
        {facets?.tags.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-rewatch`}>Viewing</label>
      <select
        id={`${id}-rewatch`}
        value={filter.rewatch === undefined ? '' : String(filter.rewatch)}
        onChange={(e) =>
          onChange(
            withValue(filter, 'rewatch', e.target.value === '' ? undefined : e.target.value === 'true')
          )
        }
      >
        <option value="">All</option>
        <option value="false">First viewings</option>
        <option value="true">Rewatches</option>
      </select>
      {active && (
        <button type="button" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </div>
  )
}
