import type { Command } from './types'
import { call } from '../call'
import { printJson, UsageError } from '../io'

export const showCommand: Command = {
  name: 'show',
  usage: 'show review ID [--json]',
  async run({ positionals, json }, core) {
    const [kind, id] = positionals
    if (kind !== 'review' || !id || positionals.length > 2) throw new UsageError('show needs: review ID')
    const { deletedAt: _deleted, ...review } = await call(core, 'reviews.get', { id })
    if (json) {
      printJson(review)
      return
    }
    const film = review.workTitle
      ? `${review.workTitle}${review.workYear ? ` (${review.workYear})` : ''}`
      : 'no film'
    const stars = review.rating === null ? 'unrated' : `${review.rating}/5`
    process.stdout.write(
      `${review.title || 'Untitled'}\n${film} · ${stars} · ${review.status} · ${review.wordCount} words\n\n${review.text}\n`
    )
  }
}
