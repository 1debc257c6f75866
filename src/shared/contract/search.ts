import { z } from 'zod'
import { channel } from './define'
import {
  calendarDateSchema,
  RESPONSE_STATUSES,
  REVIEW_STATUSES,
  type ResponseStatus,
  type ReviewStatus
} from '../domain'

export const SEARCH_KINDS = ['review', 'response', 'screening', 'work'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

const halfStar = z
  .number()
  .min(0.5, 'A rating is between 0.5 and 5 stars')
  .max(5, 'A rating is between 0.5 and 5 stars')

/**
 * What to search for and how to narrow it. The text is searched as words (quotes make a
 * phrase; the last word matches as a prefix while typing); nothing in it is query syntax.
 * A filter that a kind cannot satisfy (a rating on a response) leaves that kind out.
 */
export const searchInputSchema = z
  .object({
    text: z.string().max(1000, 'Search for at most 1000 characters'),
    kinds: z.array(z.enum(SEARCH_KINDS)).max(4).optional(),
    /** A review status (draft, ready, published) or a response status (new, read …). */
    status: z.enum([...REVIEW_STATUSES, ...RESPONSE_STATUSES]).optional(),
    ratingMin: halfStar.optional(),
    ratingMax: halfStar.optional(),
    tag: z.string().trim().min(1).max(80).optional(),
    /** The film's release year. */
    year: z.number().int().min(1870).max(2200).optional(),
    /** Written (reviews), received (responses) or watched (screenings) on or after this day. */
    from: calendarDateSchema.optional(),
    to: calendarDateSchema.optional(),
    /** Hits per kind. */
    limit: z.number().int().min(1).max(100).default(8),
    /** Hits of each kind to pass over first: the pages of "show all" after the first. */
    offset: z.number().int().min(0, 'Start at 0 or later').max(1_000_000).default(0)
  })
  .strict()
  .refine((v) => v.ratingMin === undefined || v.ratingMax === undefined || v.ratingMin <= v.ratingMax, {
    message: 'The lowest rating is above the highest',
    path: ['ratingMin']
  })
  .refine((v) => v.from === undefined || v.to === undefined || v.from <= v.to, {
    message: 'The start date is after the end date',
    path: ['from']
  })

export type SearchInput = z.input<typeof searchInputSchema>
export type SearchFilters = z.output<typeof searchInputSchema>

/** A piece of a snippet; `hit` pieces are the matched words. Rendered as text, never as markup. */
export interface SnippetPart {
  text: string
  hit: boolean
}

export interface SearchHit {
  kind: SearchKind
  id: string
  title: string
  /** A second line: the film of a review, the review a response is on, a screening's venue. */
  detail: string | null
  snippet: SnippetPart[]
  /** The review a hit opens: the review itself, or the review a response was left on. */
  reviewId: string | null
  /** The film a screening or film hit opens. */
  workId: string | null
  /** The day that places the hit: written, received or watched. */
  date: string | null
  rating: number | null
  status: ReviewStatus | ResponseStatus | null
}

export interface SearchGroup {
  kind: SearchKind
  hits: SearchHit[]
  /** More hits of this kind exist after the ones returned. */
  more: boolean
  /** How many hits of this kind there are in all, on every page. */
  total: number
  /** How many of this kind's hits come before the ones returned (the input's offset). */
  offset: number
}

export interface SearchResults {
  /** Groups in a fixed order (reviews, responses, screenings, films); empty kinds left out. */
  groups: SearchGroup[]
  /** The words searched for, as understood (for "no results for …"). */
  words: string[]
  elapsedMs: number
}

export interface SearchFacets {
  tags: string[]
  years: number[]
}

const none = z.object({}).strict().optional()

export const searchChannels = {
  'search.query': channel<typeof searchInputSchema, SearchResults>(searchInputSchema),
  'search.facets': channel<typeof none, SearchFacets>(none)
}
