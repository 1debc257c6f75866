import { describe, expect, it } from 'vitest'
import { openTestJournal } from '../support/journal'
import { markdownToLexical } from '../../src/shared/conversions/markdown'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'

describe('contains spoilers', () => {
  it('is set by a save whose text has a spoiler mark, and left alone by one without', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Twist' })
    await journal.call('reviews.save', { id: review.id, body: plainTextToLexical('No secrets here.') })
    expect((await journal.call('reviews.get', { id: review.id })).hasSpoilers).toBe(false)
    await journal.call('reviews.save', {
      id: review.id,
      body: markdownToLexical('In the end ||he leaves||.')
    })
    expect((await journal.call('reviews.get', { id: review.id })).hasSpoilers).toBe(true)
    // With the mark gone the flag stays until the critic clears it.
    await journal.call('reviews.save', { id: review.id, body: plainTextToLexical('In the end.') })
    expect((await journal.call('reviews.get', { id: review.id })).hasSpoilers).toBe(true)
    await journal.call('reviews.save', { id: review.id, hasSpoilers: false })
    expect((await journal.call('reviews.get', { id: review.id })).hasSpoilers).toBe(false)
  })

  it('a mark wins over an unticked box sent in the same save', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Twist' })
    await journal.call('reviews.save', {
      id: review.id,
      hasSpoilers: false,
      body: markdownToLexical('||Rosebud|| is a sled.')
    })
    expect((await journal.call('reviews.get', { id: review.id })).hasSpoilers).toBe(true)
  })
})
