import { z } from 'zod'
import { channel } from './define'
import {
  idSchema,
  lexicalDocSchema,
  ratingSchema,
  tagsSchema,
  type ReviewDetail,
  type ReviewSummary
} from '../domain'

const byId = z.object({ id: idSchema }).strict()

const listInput = z
  .object({
    /** 'trash' lists soft-deleted reviews instead of live ones. */
    scope: z.enum(['live', 'trash']).default('live')
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

/** A save carries only what changed; `body` is the whole editor state when present. */
const saveInput = z
  .object({
    id: idSchema,
    title: z.string().max(500).optional(),
    body: lexicalDocSchema.optional(),
    workId: idSchema.nullable().optional(),
    rating: ratingSchema.optional(),
    tags: tagsSchema.optional()
  })
  .strict()

export interface SaveResult {
  id: string
  updatedAt: string
  wordCount: number
}

export const reviewChannels = {
  'reviews.list': channel<typeof listInput, ReviewSummary[]>(listInput),
  'reviews.get': channel<typeof byId, ReviewDetail>(byId),
  'reviews.create': channel<typeof createInput, ReviewDetail>(createInput),
  'reviews.save': channel<typeof saveInput, SaveResult>(saveInput)
}

