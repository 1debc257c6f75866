import { z } from 'zod'
import { channel } from './define'
import { idSchema, type Work } from '../domain'

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional()

/** Every field of a film; all optional but the title. Blank ids are stored as "not known". */
const workFields = {
  title: z.string().trim().min(1, 'A film needs a title').max(500),
  originalTitle: optionalText(500),
  year: z.number().int().min(1870, 'Films start in 1870').max(2200, 'That year is too far ahead').nullable(),
  directors: z.array(z.string().trim().min(1).max(200)).max(50, 'At most 50 directors'),
  runtimeMinutes: z
    .number()
    .int('Runtime is whole minutes')
    .min(1, 'Runtime is at least one minute')
    .max(6000, 'Runtime is at most 6000 minutes')
    .nullable()
    .optional(),
  letterboxdUri: z
    .string()
    .trim()
    .max(300)
    .refine(
      (s) => s === '' || /^https?:\/\/(www\.)?(letterboxd\.com|boxd\.it)\//i.test(s),
      'Use a letterboxd.com or boxd.it address'
    )
    .nullable()
    .optional(),
  tmdbId: z
    .string()
    .trim()
    .max(20)
    .refine((s) => s === '' || /^\d+$/.test(s), 'A TMDB id is a number')
    .nullable()
    .optional(),
  imdbId: z
    .string()
    .trim()
    .max(300)
    .refine((s) => s === '' || /tt\d{5,}/i.test(s), 'An IMDb id looks like tt0111161')
    .nullable()
    .optional()
}

export const workInputSchema = z
  .object({ ...workFields, year: workFields.year.default(null), directors: workFields.directors.default([]) })
  .strict()

const updateInput = z
  .object({
    id: idSchema,
    title: workFields.title.optional(),
    originalTitle: workFields.originalTitle,
    year: workFields.year.optional(),
    directors: workFields.directors.optional(),
    runtimeMinutes: workFields.runtimeMinutes,
    letterboxdUri: workFields.letterboxdUri,
    tmdbId: workFields.tmdbId,
    imdbId: workFields.imdbId
  })
  .strict()

const byId = z.object({ id: idSchema }).strict()

const mergeInput = z
  .object({
    /** The film that stays. */
    keepId: idSchema,
    /** The films folded into it and then removed. */
    mergeIds: z.array(idSchema).min(1, 'Choose at least one film to merge').max(100)
  })
  .strict()
  .refine((v) => !v.mergeIds.includes(v.keepId), {
    message: 'A film cannot be merged into itself',
    path: ['mergeIds']
  })

const none = z.object({}).strict().optional()

/** A film in the catalogue, with what the journal holds about it. */
export interface WorkSummary extends Work {
  screeningCount: number
  reviewCount: number
  lastSeen: string | null
  /** Mean of the screenings' and reviews' ratings, or null when none is rated. */
  averageRating: number | null
}

/** Films that look like one film (same title once accents, case and punctuation are set aside). */
export interface DuplicateGroup {
  key: string
  /** Why they were grouped: the same folded title and year, or the same external id. */
  reason: 'title' | 'tmdb' | 'imdb'
  works: WorkSummary[]
}

export interface MergeResult {
  work: WorkSummary
  movedScreenings: number
  movedReviews: number
  removedWorks: number
}

export const workChannels = {
  'works.list': channel<typeof none, Work[]>(none),
  'works.create': channel<typeof workInputSchema, Work>(workInputSchema),
  'works.get': channel<typeof byId, WorkSummary>(byId),
  'works.update': channel<typeof updateInput, Work>(updateInput),
  'works.catalogue': channel<typeof none, WorkSummary[]>(none),
  'works.duplicates': channel<typeof none, DuplicateGroup[]>(none),
  'works.merge': channel<typeof mergeInput, MergeResult>(mergeInput)
}
