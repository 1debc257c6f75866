import type { Command } from './types'
import { call } from '../call'
import { printJson, printTable, UsageError } from '../io'

const KINDS = {
  reviews: {
    channel: 'reviews.list',
    columns: ['id', 'title', 'status', 'rating', 'workTitle', 'wordCount', 'updatedAt']
  },
  screenings: {
    channel: 'screenings.list',
    columns: ['id', 'watchedOn', 'workTitle', 'venue', 'format', 'rating', 'rewatch']
  },
  responses: { channel: 'responses.list', columns: ['id', 'reviewId', 'authorName', 'status', 'receivedAt'] },
  works: { channel: 'works.list', columns: ['id', 'title', 'year', 'directors'] }
} as const

export const listCommand: Command = {
  name: 'list',
  usage: 'list reviews|screenings|responses|works [--json]',
  async run({ positionals, json }, core) {
    const kind = positionals[0] as keyof typeof KINDS
    if (!kind || !(kind in KINDS) || positionals.length > 1) {
      throw new UsageError(`list needs one of: ${Object.keys(KINDS).join(', ')}`)
    }
    const rows = (await call(core, KINDS[kind].channel, {})) as unknown as Record<string, unknown>[]
    // The CLI's JSON is a public interface: `deletedAt` and other internal fields are left out.
    const publicRows = kind === 'reviews' ? rows.map(({ deletedAt: _deleted, ...rest }) => rest) : rows
    if (json) printJson(publicRows)
    else printTable(publicRows, [...KINDS[kind].columns])
  }
}
