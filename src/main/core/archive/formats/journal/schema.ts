import { z } from 'zod'
import {
  calendarDateSchema,
  idSchema,
  lexicalDocSchema,
  ratingSchema,
  RESPONSE_STATUSES,
  REVIEW_STATUSES,
  SCREENING_FORMATS,
  tagsSchema,
  timestampSchema
} from '../../../../../shared/domain'

/**
 * The journal archive (`.rjarchive`), version 1: a zip holding `manifest.json`, one JSON Lines
 * file per entity (one JSON object per line, in the order below), and `reviews/*.md` copies for
 * reading. Every shape is checked with the same field rules the app's channels use.
 * Documented for people in docs/archive-format.md.
 */
export const ARCHIVE_FORMAT = 'review-journal-archive'
export const ARCHIVE_VERSION = 1
export const ARCHIVE_EXTENSION = '.rjarchive'

/** Entity files in the order they are written and read (each only refers to earlier ones). */
export const ENTITY_FILES = {
  works: 'works.jsonl',
  tags: 'tags.jsonl',
  reviews: 'reviews.jsonl',
  revisions: 'revisions.jsonl',
  screenings: 'screenings.jsonl',
  responses: 'responses.jsonl'
} as const
export type EntityName = keyof typeof ENTITY_FILES

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.number().int().min(1),
  exportedAt: timestampSchema,
  appVersion: z.string().max(50),
  counts: z.record(z.string(), z.number().int().min(0))
})
export type Manifest = z.infer<typeof manifestSchema>

const text = (max: number) => z.string().max(max)
const optionalText = (max: number) => z.string().max(max).nullable()
const stamps = { createdAt: timestampSchema, updatedAt: timestampSchema }
const origin = { sourceKey: optionalText(500), isSample: z.boolean() }

export const archiveWorkSchema = z.object({
  id: idSchema,
  title: z.string().trim().min(1).max(500),
  originalTitle: optionalText(500),
  year: z.number().int().min(1870).max(2200).nullable(),
  directors: z.array(text(200)).max(50),
  runtimeMinutes: z.number().int().min(0).max(100_000).nullable(),
  letterboxdUri: optionalText(500),
  tmdbId: optionalText(50),
  imdbId: optionalText(50),
  ...origin,
  ...stamps
})

export const archiveTagSchema = z.object({ id: idSchema, name: z.string().trim().min(1).max(80) })

export const archiveReviewSchema = z.object({
  id: idSchema,
  workId: idSchema.nullable(),
  title: text(1000),
  body: lexicalDocSchema,
  status: z.enum(REVIEW_STATUSES),
  rating: ratingSchema,
  tags: tagsSchema,
  hasSpoilers: z.boolean(),
  responsesClosed: z.boolean(),
  outlet: optionalText(500),
  publishedUrl: optionalText(2000),
  publishedAt: timestampSchema.nullable(),
  targetWords: z.number().int().min(0).max(10_000_000).nullable(),
  slug: optionalText(500),
  // Added with WordPress excerpts and passwords: archives written before them have neither.
  standfirst: z.string().max(2000).default(''),
  password: z.string().min(1).max(255).nullable().default(null),
  ...origin,
  ...stamps,
  deletedAt: timestampSchema.nullable()
})

export const archiveRevisionSchema = z.object({
  id: idSchema,
  reviewId: idSchema,
  title: text(1000),
  body: lexicalDocSchema,
  reason: z.enum(['edit', 'status', 'publish', 'restore', 'import']),
  label: optionalText(200),
  createdAt: timestampSchema
})

export const archiveScreeningSchema = z.object({
  id: idSchema,
  workId: idSchema,
  watchedOn: calendarDateSchema,
  watchedTime: optionalText(20),
  venue: optionalText(500),
  format: z.enum(SCREENING_FORMATS),
  formatDetail: optionalText(500),
  companions: z.array(text(200)).max(100),
  rewatch: z.boolean(),
  walkedOut: z.boolean(),
  rating: ratingSchema,
  tags: tagsSchema,
  notes: text(1_000_000),
  embargoUntil: optionalText(40),
  reviewId: idSchema.nullable(),
  ...origin,
  ...stamps,
  deletedAt: timestampSchema.nullable()
})

export const archiveResponseSchema = z.object({
  id: idSchema,
  reviewId: idSchema,
  parentId: idSchema.nullable(),
  authorName: z.string().trim().min(1).max(500),
  authorEmail: optionalText(500),
  authorUrl: optionalText(2000),
  body: z.string().trim().min(1).max(1_000_000),
  receivedAt: timestampSchema,
  status: z.enum(RESPONSE_STATUSES),
  isOwnReply: z.boolean(),
  starred: z.boolean(),
  sourceKey: optionalText(500),
  ...stamps
})

export const ENTITY_SCHEMAS = {
  works: archiveWorkSchema,
  tags: archiveTagSchema,
  reviews: archiveReviewSchema,
  revisions: archiveRevisionSchema,
  screenings: archiveScreeningSchema,
  responses: archiveResponseSchema
} satisfies Record<EntityName, z.ZodType>

export type ArchiveWork = z.infer<typeof archiveWorkSchema>
export type ArchiveTag = z.infer<typeof archiveTagSchema>
export type ArchiveReview = z.infer<typeof archiveReviewSchema>
export type ArchiveRevision = z.infer<typeof archiveRevisionSchema>
export type ArchiveScreening = z.infer<typeof archiveScreeningSchema>
export type ArchiveResponse = z.infer<typeof archiveResponseSchema>
