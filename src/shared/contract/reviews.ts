import { z } from 'zod'
import { channel } from './define'
import {
  calendarDateSchema,
  idSchema,
  lexicalDocSchema,
  ratingSchema,
  REVIEW_STATUSES,
  tagsSchema,
  type LexicalDoc,
  type ReviewDetail,
  type ReviewStatus,
  type ReviewSummary
} from '../domain'

const byId = z.object({ id: idSchema }).strict()
const byRevision = z.object({ revisionId: idSchema }).strict()
const noInput = z.object({}).strict().optional()

const listInput = z
  .object({
    /** 'trash' lists soft-deleted reviews instead of live ones. */
    scope: z.enum(['live', 'trash']).default('live'),
    /** Only the first this many (the most recently edited): what a screen shows first. */
    limit: z.number().int().min(1).max(100_000).optional()
  })
  .strict()
  .default({ scope: 'live' })

const createInput = z
  .object({
    title: z.string().max(500).default(''),
    workId: idSchema.nullable().default(null),
    body: lexicalDocSchema.optional()
  })
  .strict()
  .default({ title: '', workId: null })

/** A web address a published review lives at (http or https only). */
export const publishedUrlSchema = z
  .string()
  .trim()
  .max(2000, 'That address is too long')
  .refine(
    (u) => /^https?:\/\/[^/\s]+/i.test(u) && URL.canParse(u),
    'Enter the full web address, starting with https://'
  )

/** The outlet a review appeared in ("Sight and Sound", "my blog"). */
export const outletSchema = z.string().trim().min(1, 'Name the outlet').max(200, 'That name is too long')

/** A target length in words for the writing aids. */
export const targetWordsSchema = z
  .number()
  .int('A target is a whole number of words')
  .min(50, 'A target is at least 50 words')
  .max(200_000, 'A target is at most 200,000 words')

/** The short summary above a review's text (WordPress's excerpt). */
export const standfirstSchema = z.string().trim().max(2000, 'A standfirst is at most 2,000 characters')

/** The password a site asks readers for (WordPress allows 255 characters); empty means none. */
export const postPasswordSchema = z
  .string()
  .max(255, 'A password is at most 255 characters')
  .transform((p) => (p === '' ? null : p))

/** A save carries only what changed; `body` is the whole editor state when present. */
const saveInput = z
  .object({
    id: idSchema,
    title: z.string().max(500).optional(),
    body: lexicalDocSchema.optional(),
    workId: idSchema.nullable().optional(),
    rating: ratingSchema.optional(),
    tags: tagsSchema.optional(),
    hasSpoilers: z.boolean().optional(),
    responsesClosed: z.boolean().optional(),
    outlet: outletSchema.nullable().optional(),
    publishedUrl: publishedUrlSchema.nullable().optional(),
    targetWords: targetWordsSchema.nullable().optional(),
    standfirst: standfirstSchema.optional(),
    password: postPasswordSchema.nullable().optional(),
    /** The `bodyVersion` the body was edited from (see `SaveResult`); only with a body. */
    baseVersion: z.string().min(1).max(64).optional()
  })
  .strict()

/**
 * Moves a review along draft → ready → published (or back). Publishing needs the outlet and
 * takes the day (today when left out); each change keeps a revision of the text as it stood.
 */
const setStatusInput = z
  .object({
    id: idSchema,
    status: z.enum(REVIEW_STATUSES),
    outlet: outletSchema.optional(),
    publishedUrl: publishedUrlSchema.nullable().optional(),
    publishedOn: calendarDateSchema.optional()
  })
  .strict()

export interface SaveResult {
  id: string
  updatedAt: string
  wordCount: number
  /** An opaque version of the stored body: send it back as the next save's `baseVersion`. */
  bodyVersion: string
  /** The stored body had changed since `baseVersion` (another computer's words); it is in History. */
  keptOther: boolean
}

/** A review as the editor opens it, with the version of its body for the next save's `baseVersion`. */
export type EditableReview = ReviewDetail & { bodyVersion: string }

export type RevisionReason = 'edit' | 'status' | 'publish' | 'restore' | 'import'

export interface RevisionSummary {
  id: string
  reviewId: string
  title: string
  wordCount: number
  reason: RevisionReason
  /** Why it matters, in words: "the version that was published to Sight and Sound on 2024-05-02". */
  label: string | null
  createdAt: string
}

export interface RevisionDetail extends RevisionSummary {
  body: LexicalDoc
  text: string
}

/** One run of a word-level diff: text both share, or text only the revision / the current one has. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added'
  text: string
}

export interface RevisionDiff {
  revisionId: string
  /** From the revision (old) to the review as it is now (new). */
  parts: DiffPart[]
  added: number
  removed: number
}

export interface StatusResult {
  review: ReviewDetail
  status: ReviewStatus
}

export const reviewChannels = {
  'reviews.list': channel<typeof listInput, ReviewSummary[]>(listInput),
  'reviews.get': channel<typeof byId, EditableReview>(byId),
  'reviews.create': channel<typeof createInput, ReviewDetail>(createInput),
  'reviews.save': channel<typeof saveInput, SaveResult>(saveInput),
  'reviews.setStatus': channel<typeof setStatusInput, StatusResult>(setStatusInput),
  /** Keeps the review's text as it stands in its history (a pause, leaving it, opening History). */
  'reviews.checkpoint': channel<typeof byId, { written: boolean }>(byId),
  'reviews.revisions': channel<typeof byId, RevisionSummary[]>(byId),
  'reviews.revision': channel<typeof byRevision, RevisionDetail>(byRevision),
  'reviews.revisionDiff': channel<typeof byRevision, RevisionDiff>(byRevision),
  'reviews.restoreRevision': channel<typeof byRevision, ReviewDetail>(byRevision),
  'reviews.trash': channel<typeof byId, ReviewSummary>(byId),
  'reviews.restore': channel<typeof byId, ReviewSummary>(byId),
  'reviews.deleteForever': channel<typeof byId, { id: string }>(byId),
  'reviews.emptyTrash': channel<typeof noInput, { deleted: number }>(noInput)
}
