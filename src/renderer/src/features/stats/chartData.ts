import type { MonthCount, StatsOverview } from '../../../../shared/contract/stats'
import type { ChartTable } from './ChartFigure'
import { monthLabel } from './statsLabels'

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

export type ChartRow = Record<string, string | number>

/** What one chart draws and the same numbers as its table. */
export interface ChartData {
  rows: ChartRow[]
  table: ChartTable
  /** The categories the axis labels, when not every one of them. */
  ticks?: string[]
  /** What one bar or point covers: a month, or a year over a long span. */
  per?: 'month' | 'year'
}

export interface StatsCharts {
  perMonth: ChartData
  ratings: ChartData
  formats: ChartData
  venues: ChartData
  words: ChartData
  statuses: ChartData
  directors: ChartData
}

/** Beyond two years of months, the axis marks where each year begins. */
const MONTHS_LABELLED_ONE_BY_ONE = 24
/**
 * Beyond five years, a chart counts years (as Letterboxd's all-time statistics do): 240 month
 * bars in a chart's width are a pixel each, and drawing them took most of the screen's time.
 * The table keeps every month.
 */
const MONTHS_CHARTED_ONE_BY_ONE = 60

function years(data: MonthCount[], key: string, column: string): ChartData {
  const totals = new Map<string, number>()
  for (const d of data) totals.set(d.month.slice(0, 4), (totals.get(d.month.slice(0, 4)) ?? 0) + d.count)
  const rows = [...totals].map(([year, count]) => ({ year, [key]: count }))
  return {
    rows,
    per: 'year',
    table: { columns: ['Month', column], rows: data.map((d) => [monthLabel(d.month, true), d.count]) }
  }
}

function months(data: MonthCount[], withYear: boolean, key: string, column: string): ChartData {
  if (data.length > MONTHS_CHARTED_ONE_BY_ONE) return years(data, key, column)
  const rows = data.map((d) => ({ month: monthLabel(d.month, withYear), [key]: d.count }))
  const ticks =
    data.length > MONTHS_LABELLED_ONE_BY_ONE
      ? rows.filter((_, i) => data[i].month.endsWith('-01')).map((d) => d.month)
      : undefined
  return {
    rows,
    ticks,
    per: 'month',
    table: { columns: ['Month', column], rows: rows.map((d, i) => [d.month, data[i].count]) }
  }
}

/**
 * The overview's figures shaped for the charts and their tables: labels only, every number is
 * already counted in SQL. Worked out once per overview, not on every render of the screen.
 */
export function chartData(overview: StatsOverview): StatsCharts {
  const withYear = overview.year === null
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
  return {
    perMonth: months(overview.screeningsPerMonth, withYear, 'screenings', 'Screenings'),
    ratings: {
      rows: ratings,
      table: {
        columns: ['Rating', 'Screenings', 'Reviews'],
        rows: anyRating ? ratings.map((r) => [r.rating, r.screenings, r.reviews]) : []
      }
    },
    formats: {
      rows: formats,
      table: { columns: ['Format', 'Screenings'], rows: formats.map((f) => [f.format, f.screenings]) }
    },
    venues: {
      rows: venues,
      table: { columns: ['Venue', 'Screenings'], rows: venues.map((v) => [v.venue, v.screenings]) }
    },
    words: months(overview.wordsPerMonth, withYear, 'words', 'Words'),
    statuses: {
      rows: statuses,
      table: {
        columns: ['Status', 'Reviews'],
        rows: anyReview ? statuses.map((s) => [s.status, s.reviews]) : []
      }
    },
    directors: {
      rows: directors,
      table: {
        columns: ['Director', 'Screenings', 'Films'],
        rows: directors.map((d) => [d.director, d.screenings, d.films])
      }
    }
  }
}
