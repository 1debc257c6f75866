import { z } from 'zod'
import { channel } from './define'
import {
  calendarDateSchema,
  idSchema,
  ratingSchema,
  SCREENING_FORMATS,
  tagsSchema,
  type ReviewStatus,
  type ReviewSummary,
  type Screening,
  type Work
} from '../domain'

/** A screening as the diary, the film page and the review panel show it. */
export interface ScreeningEntry extends Screening {
  reviewTitle: string | null
  reviewStatus: ReviewStatus | null
  reviewPublishedAt: string | null
  /** The linked review was published before this screening's embargo date. */
  embargoBroken: boolean
}

export interface TrashedScreening extends ScreeningEntry {
  deletedAt: string
}

export interface MonthCount {
  /** YYYY-MM */
  month: string
  count: number
}

/** What the diary needs before any row: how many entries, how they fall into months. */
export interface DiaryIndex {
  total: number
  months: MonthCount[]
}

/** Values the critic has used before, for filters and suggestions. */
export interface DiaryFacets {
  years: number[]
  venues: string[]
  tags: string[]
  companions: string[]
  formatDetails: string[]
}

export interface RewatchHint {
  /** How many other live screenings of the film fall on or before the date. */
  seenBefore: number
  lastWatchedOn: string | null
}

export interface RatingPoint {
  on: string
  rating: number
  source: 'screening' | 'review'
  id: string
}

export interface FilmHistory {
  work: Work
  screenings: ScreeningEntry[]
  reviews: ReviewSummary[]
  firstViewing: string | null
  latestViewing: string | null
  /** Ratings in date order: each screening's rating, and each rated review's (by its publish or edit day). */
  ratings: RatingPoint[]
}

function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/**
 * The embargo rule, one place for the core and the UI: a review linked to a screening with an
 * embargo date is too early when it is published (by its publish day, or today if it has none)
 * before that date. Only the calendar day counts: the first 10 characters of `publishedAt`,
 * whether it holds a day or a full timestamp.
 */
export function isEmbargoBroken(
  embargoUntil: string | null,
  reviewStatus: ReviewStatus | null,
  reviewPublishedAt: string | null,
  today: string = localDay(new Date())
): boolean {
  if (!embargoUntil || reviewStatus !== 'published') return false
  const publishedOn = reviewPublishedAt ? reviewPublishedAt.slice(0, 10) : today
  return publishedOn < embargoUntil
}

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters`)
    .transform((s) => (s === '' ? null : s))

const nameList = z.array(z.string().trim().min(1).max(200)).max(50, 'At most 50 names')

/** The film of a screening: one already in the journal, or a title (and year) to find or create. */
export const filmRefSchema = z
  .object({
    workId: idSchema.optional(),
    title: z.string().trim().max(500, 'A title is under 500 characters').optional(),
    year: z.number().int().min(1870, 'Films start in 1870').max(2200).nullable().optional()
  })
  .strict()
  .superRefine((film, ctx) => {
    if (!film.workId && !film.title) {
      ctx.addIssue({ code: 'custom', path: ['title'], message: 'Choose a film or type its title' })
    }
  })

export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 19:30')

/** Every field the log dialog edits. `rewatch: null` lets the journal decide from earlier viewings. */
export const screeningFieldsSchema = z
  .object({
    film: filmRefSchema,
    watchedOn: calendarDateSchema,
    watchedTime: timeOfDaySchema.nullable().default(null),
    venue: text(200).nullable().default(null),
    format: z.enum(SCREENING_FORMATS, 'Choose a format from the list').default('cinema'),
    formatDetail: text(200).nullable().default(null),
    companions: nameList.default([]),
    rewatch: z.boolean().nullable().default(null),
    walkedOut: z.boolean().default(false),
    rating: ratingSchema.default(null),
    tags: tagsSchema.default([]),
    notes: z.string().max(20_000, 'Notes are under 20,000 characters').default(''),
    embargoUntil: calendarDateSchema.nullable().default(null)
  })
  .strict()
export type ScreeningFields = z.output<typeof screeningFieldsSchema>

/** Diary filters; every one optional, all of them combined with AND. */
export const diaryFilterSchema = z
  .object({
    year: z.number().int().min(1870).max(2200).optional(),
    format: z.enum(SCREENING_FORMATS).optional(),
    venue: z.string().trim().min(1).max(200).optional(),
    tag: z.string().trim().min(1).max(80).optional(),
    rewatch: z.boolean().optional(),
    workId: idSchema.optional()
  })
  .strict()
export type DiaryFilter = z.output<typeof diaryFilterSchema>

const listInput = diaryFilterSchema
  .extend({ scope: z.enum(['live', 'trash']).default('live') })
  .strict()
  .default({ scope: 'live' })

const pageInput = z
  .object({
    filter: diaryFilterSchema.default({}),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(500)
  })
  .strict()

const none = z.object({}).strict().optional()
const byId = z.object({ id: idSchema }).strict()
const byReview = z.object({ reviewId: idSchema }).strict()
const byWork = z.object({ workId: idSchema }).strict()
const updateInput = screeningFieldsSchema.extend({ id: idSchema }).strict()
const hintInput = z
  .object({ workId: idSchema, watchedOn: calendarDateSchema, excludeId: idSchema.optional() })
  .strict()
const linkInput = z.object({ id: idSchema, reviewId: idSchema.nullable() }).strict()

export const screeningChannels = {
  /** Every live screening (or the trash), newest viewing first; the CLI's `list screenings`. */
  'screenings.list': channel<typeof listInput, ScreeningEntry[]>(listInput),
  'screenings.diaryIndex': channel<typeof diaryFilterSchema, DiaryIndex>(diaryFilterSchema),
  /** One window of the diary in its order, for the virtualised list. */
  'screenings.diaryPage': channel<typeof pageInput, ScreeningEntry[]>(pageInput),
  'screenings.facets': channel<typeof none, DiaryFacets>(none),
  'screenings.get': channel<typeof byId, ScreeningEntry>(byId),
  'screenings.log': channel<typeof screeningFieldsSchema, ScreeningEntry>(screeningFieldsSchema),
  'screenings.update': channel<typeof updateInput, ScreeningEntry>(updateInput),
  /** Moves a screening to the trash; `screenings.restore` brings it back. */
  'screenings.delete': channel<typeof byId, { id: string }>(byId),
  'screenings.restore': channel<typeof byId, ScreeningEntry>(byId),
  /** Removes a screening that is already in the trash, for good. */
  'screenings.purge': channel<typeof byId, { id: string }>(byId),
  'screenings.rewatchHint': channel<typeof hintInput, RewatchHint>(hintInput),
  /** Creates a review of the screening's film, linked to the screening (or opens the one it has). */
  'screenings.startReview': channel<typeof byId, { reviewId: string; created: boolean }>(byId),
  'screenings.link': channel<typeof linkInput, ScreeningEntry>(linkInput),
  /** The screenings a review came from, oldest first. */
  'screenings.forReview': channel<typeof byReview, ScreeningEntry[]>(byReview),
  /** Everything about one film: its screenings, reviews, first and latest viewing, ratings. */
  'screenings.film': channel<typeof byWork, FilmHistory>(byWork)
}
