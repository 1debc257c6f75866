import { memo, useCallback, useEffect, useMemo } from 'react'
import type { StatsOverview } from '../../../../shared/contract/stats'
import { useDataChanged } from '../../app/useDataChanged'
import { useStats } from './statsStore'
import { useChartTheme, type ChartTheme } from './useChartTheme'
import { ChartFigure } from './ChartFigure'
import { ColumnChart, RankChart, TrendChart, type Series } from './charts'
import { chartData, type StatsCharts } from './chartData'
import { YearInReviewPanel } from './YearInReviewPanel'
import './stats.css'

const number = (n: number) => n.toLocaleString()

const SCREENINGS: Series[] = [{ key: 'screenings', name: 'Screenings' }]
const SCREENINGS_AND_REVIEWS: Series[] = [...SCREENINGS, { key: 'reviews', name: 'Reviews' }]
const SCREENINGS_AND_FILMS: Series[] = [...SCREENINGS, { key: 'films', name: 'Films' }]
const REVIEWS: Series[] = [{ key: 'reviews', name: 'Reviews' }]
const WORDS: Series[] = [{ key: 'words', name: 'Words' }]

function Totals({ overview }: { overview: StatsOverview }) {
  const t = overview.totals
  const items: [string, number][] = [
    ['Screenings', t.screenings],
    ['Films seen', t.films],
    ['Reviews', t.reviews],
    ['Words written', t.words],
    ['Reader responses', t.responses]
  ]
  return (
    <dl className="stats-totals">
      {items.map(([label, value]) => (
        <div key={label} className="stats-total">
          <dt>{label}</dt>
          <dd>{number(value)}</dd>
        </div>
      ))}
    </dl>
  )
}

/**
 * The seven charts. Memoised on the figures and the theme, so that the screen's other updates
 * (busy while a new period is counted, the year in review arriving) do not redraw them.
 */
const Charts = memo(function Charts({ charts, theme }: { charts: StatsCharts; theme: ChartTheme }) {
  return (
    <div className="stats-grid">
      <ChartFigure
        title={`Screenings per ${charts.perMonth.per}`}
        table={charts.perMonth.table}
        background={theme.background}
      >
        <ColumnChart
          data={charts.perMonth.rows}
          category={charts.perMonth.per ?? 'month'}
          ticks={charts.perMonth.ticks}
          series={SCREENINGS}
          theme={theme}
        />
      </ChartFigure>
      <ChartFigure title="Ratings" table={charts.ratings.table} background={theme.background}>
        <ColumnChart
          data={charts.ratings.rows}
          category="rating"
          series={SCREENINGS_AND_REVIEWS}
          theme={theme}
        />
      </ChartFigure>
      <ChartFigure title="Formats" table={charts.formats.table} background={theme.background}>
        <RankChart data={charts.formats.rows} category="format" series={SCREENINGS} theme={theme} />
      </ChartFigure>
      <ChartFigure title="Venues" table={charts.venues.table} background={theme.background}>
        <RankChart data={charts.venues.rows} category="venue" series={SCREENINGS} theme={theme} />
      </ChartFigure>
      <ChartFigure
        title={`Words written per ${charts.words.per}`}
        table={charts.words.table}
        background={theme.background}
      >
        <TrendChart
          data={charts.words.rows}
          category={charts.words.per ?? 'month'}
          ticks={charts.words.ticks}
          series={WORDS}
          theme={theme}
        />
      </ChartFigure>
      <ChartFigure title="Reviews by status" table={charts.statuses.table} background={theme.background}>
        <ColumnChart data={charts.statuses.rows} category="status" series={REVIEWS} theme={theme} />
      </ChartFigure>
      <ChartFigure
        title="Most-watched directors"
        table={charts.directors.table}
        background={theme.background}
      >
        <RankChart
          data={charts.directors.rows}
          category="director"
          series={SCREENINGS_AND_FILMS}
          theme={theme}
        />
      </ChartFigure>
    </div>
  )
})

/** Charts of the whole journal or one year, and that year's review; every figure comes from SQL. */
export function StatsScreen() {
  const year = useStats((s) => s.year)
  const overview = useStats((s) => s.overview)
  const yearInReview = useStats((s) => s.yearInReview)
  const loading = useStats((s) => s.loading)
  const setYear = useStats((s) => s.setYear)
  const load = useStats((s) => s.load)
  const refresh = useStats((s) => s.refresh)
  const theme = useChartTheme()
  useEffect(() => {
    void load()
  }, [load])
  const reload = useCallback(() => void refresh(), [refresh])
  useDataChanged(['reviews', 'screenings', 'responses', 'works'], reload)
  const charts = useMemo(() => overview && chartData(overview), [overview])

  if (!overview || !charts)
    return (
      <p className="loading" aria-busy="true">
        Counting…
      </p>
    )

  return (
    <section className="page stats-screen" aria-labelledby="stats-heading" aria-busy={loading}>
      <header className="stats-header">
        <h1 id="stats-heading">Statistics</h1>
        <label className="stats-year">
          <span>Period</span>
          <select
            value={year ?? ''}
            onChange={(e) => void setYear(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">All time</option>
            {overview.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </header>
      <Totals overview={overview} />
      <Charts charts={charts} theme={theme} />
      {yearInReview ? (
        <YearInReviewPanel review={yearInReview} />
      ) : (
        overview.years.length > 0 && <p className="hint">Choose a year above for its year in review.</p>
      )}
    </section>
  )
}
