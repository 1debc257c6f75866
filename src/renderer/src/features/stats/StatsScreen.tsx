import { useCallback, useEffect } from 'react'
import type { MonthCount, StatsOverview } from '../../../../shared/contract/stats'
import { useDataChanged } from '../../app/useDataChanged'
import { useStats } from './statsStore'
import { useChartTheme } from './useChartTheme'
import { ChartFigure } from './ChartFigure'
import { ColumnChart, RankChart, TrendChart } from './charts'
import { YearInReviewPanel } from './YearInReviewPanel'
import { monthLabel } from './statsLabels'
import './stats.css'

const FORMAT_NAMES: Record<string, string> = {
  cinema: 'Cinema',
  press: 'Press screening',
  festival: 'Festival',
  screener: 'Screener',
  streaming: 'Streaming',
  tv: 'TV',
  'home-media': 'Home media',
  other: 'Other'
}

function months(data: MonthCount[], withYear: boolean, key: string) {
  return data.map((d) => ({ month: monthLabel(d.month, withYear), [key]: d.count }))
}

const number = (n: number) => n.toLocaleString('en')

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

/** Charts of the whole journal or one year, and that year's review; every figure comes from SQL. */
export function StatsScreen() {
  const { year, overview, yearInReview, loading, setYear, load } = useStats()
  const theme = useChartTheme()
  useEffect(() => {
    void load()
  }, [load])
  const reload = useCallback(() => void load(), [load])
  useDataChanged(['reviews', 'screenings', 'responses', 'works'], reload)

  if (!overview)
    return (
      <p className="loading" aria-busy="true">
        Counting…
      </p>
    )
  const withYear = year === null
  const perMonth = months(overview.screeningsPerMonth, withYear, 'screenings')
  const words = months(overview.wordsPerMonth, withYear, 'words')
  const ratings = overview.ratings.map((r) => ({
    rating: `${r.rating}★`,
    screenings: r.screenings,
    reviews: r.reviews
  }))
  const formats = overview.formats.map((f) => ({
    format: FORMAT_NAMES[f.format] ?? f.format,
    screenings: f.count
  }))
  const venues = overview.venues.map((v) => ({ venue: v.venue, screenings: v.count }))
  const statuses = overview.reviewsByStatus.map((s) => ({
    status: s.status[0].toUpperCase() + s.status.slice(1),
    reviews: s.count
  }))
  const directors = overview.directors.map((d) => ({
    director: d.director,
    screenings: d.screenings,
    films: d.films
  }))
  const anyRating = overview.ratings.some((r) => r.screenings || r.reviews)
  const anyReview = overview.reviewsByStatus.some((s) => s.count)

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
      <div className="stats-grid">
        <ChartFigure
          title="Screenings per month"
          table={{
            columns: ['Month', 'Screenings'],
            rows: perMonth.map((d) => [d.month, d.screenings as number])
          }}
        >
          <ColumnChart
            data={perMonth}
            category="month"
            series={[{ key: 'screenings', name: 'Screenings' }]}
            theme={theme}
          />
        </ChartFigure>
        <ChartFigure
          title="Ratings"
          table={{
            columns: ['Rating', 'Screenings', 'Reviews'],
            rows: anyRating ? ratings.map((r) => [r.rating, r.screenings, r.reviews]) : []
          }}
        >
          <ColumnChart
            data={ratings}
            category="rating"
            series={[
              { key: 'screenings', name: 'Screenings' },
              { key: 'reviews', name: 'Reviews' }
            ]}
            theme={theme}
          />
        </ChartFigure>
        <ChartFigure
          title="Formats"
          table={{ columns: ['Format', 'Screenings'], rows: formats.map((f) => [f.format, f.screenings]) }}
        >
          <RankChart
            data={formats}
            category="format"
            series={[{ key: 'screenings', name: 'Screenings' }]}
            theme={theme}
          />
        </ChartFigure>
        <ChartFigure
          title="Venues"
          table={{ columns: ['Venue', 'Screenings'], rows: venues.map((v) => [v.venue, v.screenings]) }}
        >
          <RankChart
            data={venues}
            category="venue"
            series={[{ key: 'screenings', name: 'Screenings' }]}
            theme={theme}
          />
        </ChartFigure>
        <ChartFigure
          title="Words written per month"
          table={{ columns: ['Month', 'Words'], rows: words.map((d) => [d.month, d.words as number]) }}
        >
          <TrendChart
            data={words}
            category="month"
            series={[{ key: 'words', name: 'Words' }]}
            theme={theme}
          />
        </ChartFigure>
        <ChartFigure
          title="Reviews by status"
          table={{
            columns: ['Status', 'Reviews'],
            rows: anyReview ? statuses.map((s) => [s.status, s.reviews]) : []
          }}
        >
          <ColumnChart
            data={statuses}
            category="status"
            series={[{ key: 'reviews', name: 'Reviews' }]}
            theme={theme}
          />
        </ChartFigure>
        <ChartFigure
          title="Most-watched directors"
          table={{
            columns: ['Director', 'Screenings', 'Films'],
            rows: directors.map((d) => [d.director, d.screenings, d.films])
          }}
        >
          <RankChart
            data={directors}
            category="director"
            series={[
              { key: 'screenings', name: 'Screenings' },
              { key: 'films', name: 'Films' }
            ]}
            theme={theme}
          />
        </ChartFigure>
      </div>
      {yearInReview ? (
        <YearInReviewPanel review={yearInReview} />
      ) : (
        overview.years.length > 0 && <p className="hint">Choose a year above for its year in review.</p>
      )}
    </section>
  )
}
