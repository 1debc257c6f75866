import { z } from 'zod'
import { channel } from './define'
import { idSchema, type ReaderResponse } from '../domain'

const listInput = z
  .object({ reviewId: idSchema.optional() })
  .strict()
  .default({})

export const responseChannels = {
  'responses.list': channel<typeof listInput, ReaderResponse[]>(listInput)
}
