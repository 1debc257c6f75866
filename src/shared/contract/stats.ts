import { z } from 'zod'
import { channel } from './define'
import type { ReviewStatus, ScreeningFormat } from '../domain'

const yearSchema = z
  .number()
  .int()
  .min(1870, 'Choose a year from 1870')
  .max(2200, 'Choose a year before 2200')

const overviewInput = z.object({ year: yearSchema.optional() }).strict().default({})

const yearInput = z.object({ year: yearSchema }).strict()

export interface MonthCount {
  /** YYYY-MM; every month of the span is present, empty months as 0. */
  month: string
  count: number
}

export interface RatingBucket {
  /** 0.5 … 5 in half stars. */
  rating: number
  screenings: number
  reviews: number
}

export interface DirectorCount {
  director: string
  screenings: number
  films: number
}

/** The statistics screen's numbers, all computed in SQL. `year` narrows them to one year. */
export interface StatsOverview {
  year: number | null
  totals: { screenings: number; films: number; reviews: number; words: number; responses: number }
  screeningsPerMonth: MonthCount[]
  ratings: RatingBucket[]
  formats: { format: ScreeningFormat; count: number }[]
  /** The ten most visited venues. */
  venues: { venue: string; count: number }[]
  wordsPerMonth: MonthCount[]
  reviewsByStatus: { status: ReviewStatus; count: number }[]
  /** The ten most watched directors. */
  directors: DirectorCount[]
  /** Years that have screenings or reviews, newest first (for the year picker). */
  years: number[]
}

export interface RatedFilm {
  workId: string
  title: string
  year: number | null
  rating: number
}

export interface YearInReview {
  year: number
  filmsSeen: number
  screenings: number
  /** Screenings of films seen for the first time, and rewatches. */
  firstTime: number
  rewatches: number
  reviewsWritten: number
  wordsWritten: number
  /** The year's five best-rated films (their best rating that year). */
  topRated: RatedFilm[]
  longestReview: { id: string; title: string; wordCount: number } | null
  busiestMonth: MonthCount | null
}

export const statsChannels = {
  'stats.overview': channel<typeof overviewInput, StatsOverview>(overviewInput),
  'stats.year': channel<typeof yearInput, YearInReview>(yearInput)
}
