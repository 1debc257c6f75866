import { z } from 'zod'
import { channel } from './define'
import type { Work } from '../domain'

export const workInputSchema = z
  .object({
    title: z.string().trim().min(1, 'A film needs a title').max(500),
    year: z.number().int().min(1870, 'Films start in 1870').max(2200).nullable().default(null),
    directors: z.array(z.string().trim().min(1).max(200)).max(50).default([])
  })
  .strict()

const none = z.object({}).strict().optional()

export const workChannels = {
  'works.list': channel<typeof none, Work[]>(none),
  'works.create': channel<typeof workInputSchema, Work>(workInputSchema)
}
