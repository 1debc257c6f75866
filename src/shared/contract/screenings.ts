import { z } from 'zod'
import { channel } from './define'
import type { Screening } from '../domain'

const none = z.object({}).strict().optional()

export const screeningChannels = {
  'screenings.list': channel<typeof none, Screening[]>(none)
}
