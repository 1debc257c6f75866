import { RESPONSE_STATUSES, REVIEW_STATUSES } from '../../../../shared/domain'
import { useSearch, type SearchFilterValues } from './searchStore'

const HALF_STARS = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]

/** Kind, status, rating range, tag, film year and date range; each change searches again. */
export function SearchFilters() {
  const { filters, setFilter, clearFilters, facets, fieldErrors } = useSearch()
  const active = Object.values(filters).some((v) => v !== '')
  const select = (key: keyof SearchFilterValues, label: string, options: [string, string][]) => (
    <label className="search-filter">
      <span>{label}</span>
      <select value={filters[key]} onChange={(e) => setFilter(key, e.target.value as never)}>
        <option value="">Any</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  )
  const stars = HALF_STARS.map((n): [string, string] => [String(n), `${n}★`])
  return (
    <fieldset className="search-filters">
      <legend className="visually-hidden">Filters</legend>
      {select('kind', 'Kind', [
        ['review', 'Reviews'],
        ['response', 'Responses'],
        ['screening', 'Screenings'],
        ['work', 'Films']
      ])}
      {select(
        'status',
        'Status',
        [...REVIEW_STATUSES, ...RESPONSE_STATUSES].map((s) => [s, s])
      )}
      {select('ratingMin', 'Rating from', stars)}
      {select('ratingMax', 'to', stars)}
      {select(
        'tag',
        'Tag',
        facets.tags.map((t) => [t, t])
      )}
      {select(
        'year',
        'Film year',
        facets.years.map((y) => [String(y), String(y)])
      )}
      <label className="search-filter">
        <span>From</span>
        <input type="date" value={filters.from} onChange={(e) => setFilter('from', e.target.value)} />
      </label>
      <label className="search-filter">
        <span>To</span>
        <input type="date" value={filters.to} onChange={(e) => setFilter('to', e.target.value)} />
      </label>
      {active && (
        <button type="button" onClick={clearFilters}>
          Clear filters
        </button>
      )}
      {Object.entries(fieldErrors).map(([field, message]) => (
        <p key={field} className="field-error">
          {message}
        </p>
      ))}
    </fieldset>
  )
}
