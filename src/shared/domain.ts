import { z } from 'zod'

/**
 * The journal's domain: the shapes every host and the renderer agree on, and the field rules
 * (ratings, dates, ids) that every channel and importer validates with. One place for each rule.
 */

export const REVIEW_STATUSES = ['draft', 'ready', 'published'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

export const SCREENING_FORMATS = [
  'cinema',
  'press',
  'festival',
  'screener',
  'streaming',
  'tv',
  'home-media',
  'other'
] as const
export type ScreeningFormat = (typeof SCREENING_FORMATS)[number]

export const RESPONSE_STATUSES = ['new', 'read', 'replied', 'hidden', 'spam'] as const
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number]

/** A stable string id (UUIDv7 for rows we create; imported archives keep theirs). */
export const idSchema = z.string().trim().min(1, 'An id is required').max(100)

/** Ratings are half stars from 0.5 to 5, or null for "no rating". */
export const ratingSchema = z
  .number()
  .min(0.5, 'A rating is between 0.5 and 5 stars')
  .max(5, 'A rating is between 0.5 and 5 stars')
  .refine((n) => Number.isInteger(n * 2), 'A rating goes in half stars (0.5, 1, 1.5 …)')
  .nullable()

/** True when `s` is a real calendar day written YYYY-MM-DD (rejects 2023-02-30). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

export const calendarDateSchema = z
  .string()
  .refine(isCalendarDate, 'That date does not exist (use YYYY-MM-DD)')

/** An ISO 8601 timestamp that actually parses. */
export const timestampSchema = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'That date could not be read')

export const tagsSchema = z.array(z.string().trim().min(1).max(80)).max(200)

/** A serialized Lexical editor state: checked for shape here, for content by the conversions. */
export const lexicalDocSchema = z
  .object({
    root: z.looseObject({ type: z.literal('root'), children: z.array(z.unknown()) })
  })
  .loose()
export type LexicalDoc = z.infer<typeof lexicalDocSchema>

export interface Work {
  id: string
  title: string
  originalTitle: string | null
  year: number | null
  directors: string[]
  runtimeMinutes: number | null
  letterboxdUri: string | null
  tmdbId: string | null
  imdbId: string | null
  createdAt: string
  updatedAt: string
}

export interface ReviewSummary {
  id: string
  title: string
  status: ReviewStatus
  rating: number | null
  tags: string[]
  workId: string | null
  workTitle: string | null
  workYear: number | null
  wordCount: number
  responseCount: number
  responsesClosed: boolean
  /** Protected by a password on the site it came from (a WordPress post): readers need it. */
  isProtected: boolean
  createdAt: string
  updatedAt: string
  publishedAt: string | null
  deletedAt: string | null
}

export interface ReviewDetail extends ReviewSummary {
  /** Plain text, paragraphs separated by one blank line. */
  text: string
  /** The Lexical editor state. */
  body: LexicalDoc
  hasSpoilers: boolean
  outlet: string | null
  publishedUrl: string | null
  targetWords: number | null
  /** The short summary shown above the text (WordPress's excerpt); '' when there is none. */
  standfirst: string
  /** The password readers need on the site (WordPress's post password); null when public. */
  password: string | null
}

export interface Screening {
  id: string
  workId: string
  workTitle: string
  workYear: number | null
  watchedOn: string
  watchedTime: string | null
  venue: string | null
  format: ScreeningFormat
  formatDetail: string | null
  companions: string[]
  rewatch: boolean
  walkedOut: boolean
  rating: number | null
  tags: string[]
  notes: string
  embargoUntil: string | null
  reviewId: string | null
  createdAt: string
  updatedAt: string
}

export interface ReaderResponse {
  id: string
  reviewId: string
  parentId: string | null
  authorName: string
  authorEmail: string | null
  authorUrl: string | null
  body: string
  receivedAt: string
  status: ResponseStatus
  isOwnReply: boolean
  starred: boolean
  createdAt: string
  updatedAt: string
}

/** Kinds of data a change can touch; the renderer reloads the stores that show them. */
export type DataKind = 'reviews' | 'works' | 'screenings' | 'responses' | 'tags' | 'settings'
