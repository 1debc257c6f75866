import { describe, expect, it } from 'vitest'
import { openTestJournal } from '../support/journal'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'

describe('keeping a version at a moment that matters', () => {
  it('brings the editing version up to the text saved since, once', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Her' })
    await journal.call('reviews.save', { id: review.id, body: plainTextToLexical('A tender film.') })
    await journal.call('reviews.save', {
      id: review.id,
      body: plainTextToLexical('A tender film. And a strange one.')
    })
    const [before] = await journal.call('reviews.revisions', { id: review.id })
    expect((await journal.call('reviews.revision', { revisionId: before!.id })).text).toBe('A tender film.')

    expect(await journal.call('reviews.checkpoint', { id: review.id })).toEqual({ written: true })
    const history = await journal.call('reviews.revisions', { id: review.id })
    expect(history).toHaveLength(1)
    expect((await journal.call('reviews.revision', { revisionId: history[0]!.id })).text).toBe(
      'A tender film. And a strange one.'
    )
    expect(await journal.call('reviews.checkpoint', { id: review.id })).toEqual({ written: false })
  })

  it('adds an editing version after a status change only when the text has moved on', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Her', body: plainTextToLexical('Draft.') })
    await journal.call('reviews.setStatus', { id: review.id, status: 'ready' })
    expect(await journal.call('reviews.checkpoint', { id: review.id })).toEqual({ written: false })
    journal.db
      .prepare("UPDATE reviews SET body_text = 'Changed elsewhere.', body = ? WHERE id = ?")
      .run(JSON.stringify(plainTextToLexical('Changed elsewhere.')), review.id)
    expect(await journal.call('reviews.checkpoint', { id: review.id })).toEqual({ written: true })
    const history = await journal.call('reviews.revisions', { id: review.id })
    expect(history.map((r) => r.reason)).toEqual(['edit', 'status'])
  })

  it('writes nothing for a review never edited, and answers NOT_FOUND for an unknown one', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', {
      title: 'Untouched',
      body: plainTextToLexical('As imported.')
    })
    expect(await journal.call('reviews.checkpoint', { id: review.id })).toEqual({ written: false })
    expect(await journal.call('reviews.revisions', { id: review.id })).toEqual([])
    const missing = await journal.dispatch('reviews.checkpoint', { id: 'no-such-review' })
    expect(missing.ok).toBe(false)
    if (!missing.ok) expect(missing.error.code).toBe('NOT_FOUND')
  })
})
