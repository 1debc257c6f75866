import { describe, expect, it } from 'vitest'
import { openTestJournal } from '../support/journal'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'

describe('reviews', () => {
  it('creates, saves and reads back a review with derived text and word count', async () => {
    const journal = await openTestJournal()
    const work = await journal.call('works.create', { title: 'Her', year: 2013, directors: ['Spike Jonze'] })
    const created = await journal.call('reviews.create', { title: 'Her', workId: work.id })
    expect(created.status).toBe('draft')
    expect(created.wordCount).toBe(0)

    const body = plainTextToLexical(
      'Spike Jonze’s brilliant new film.\n\nHer is a film that demands to be watched.'
    )
    const saved = await journal.call('reviews.save', {
      id: created.id,
      body,
      rating: 4.5,
      tags: ['romance', 'Romance', ' sci-fi ']
    })
    expect(saved.wordCount).toBe(14)

    const review = await journal.call('reviews.get', { id: created.id })
    expect(review.text).toBe('Spike Jonze’s brilliant new film.\n\nHer is a film that demands to be watched.')
    expect(review.body).toEqual(body)
    expect(review.rating).toBe(4.5)
    expect(review.tags).toEqual(['romance', 'sci-fi'])
    expect(review.workTitle).toBe('Her')
    expect(review.workYear).toBe(2013)
  })

  it('lists reviews most recently edited first', async () => {
    const journal = await openTestJournal()
    const a = await journal.call('reviews.create', { title: 'A' })
    await journal.call('reviews.create', { title: 'B' })
    await new Promise((r) => setTimeout(r, 5))
    await journal.call('reviews.save', { id: a.id, title: 'A, edited' })
    const list = await journal.call('reviews.list', {})
    expect(list.map((r) => r.title)).toEqual(['A, edited', 'B'])
  })

  it('refuses a rating that is not in half stars and leaves the review unchanged', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Keep me' })
    for (const rating of [0, 0.25, 5.5, 3.3]) {
      const result = await journal.dispatch('reviews.save', { id: review.id, title: 'Changed', rating })
      expect(result.ok).toBe(false)
    }
    expect((await journal.call('reviews.get', { id: review.id })).title).toBe('Keep me')
  })

  it('answers NOT_FOUND for a missing review or film', async () => {
    const journal = await openTestJournal()
    const missing = await journal.dispatch('reviews.get', { id: 'nope' })
    expect(missing.ok || missing.error.code).toBe('NOT_FOUND')
    const badWork = await journal.dispatch('reviews.create', { workId: 'no-such-film' })
    expect(badWork.ok || badWork.error.code).toBe('NOT_FOUND')
    expect((await journal.call('reviews.list', {})).length).toBe(0)
  })

  it('keeps the full-text index in step with saves', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Draft' })
    await journal.call('reviews.save', {
      id: review.id,
      body: plainTextToLexical('An operating system called Samantha')
    })
    const hits = () =>
      journal.db
        .prepare(
          "SELECT r.id AS ref_id FROM reviews_fts f JOIN reviews r ON r.rid = f.rowid WHERE reviews_fts MATCH 'samantha'"
        )
        .all()
    expect(hits()).toEqual([{ ref_id: review.id }])
    await journal.call('reviews.save', { id: review.id, body: plainTextToLexical('Rewritten entirely') })
    expect(hits()).toEqual([])
  })
})

describe('the sample journal', () => {
  it('loads reviews, screenings and a thread, and is removed in one step without touching the critic’s own work', async () => {
    const journal = await openTestJournal()
    const own = await journal.call('reviews.create', { title: 'Mine' })
    expect((await journal.call('app.info')).hasSample).toBe(false)
    const counts = await journal.call('sample.load')
    expect(counts).toEqual({ reviews: 3, screenings: 4, responses: 4 })
    expect((await journal.call('screenings.list')).length).toBe(4)
    expect((await journal.call('app.info')).hasSample).toBe(true)
    await journal.call('sample.remove')
    const left = await journal.call('reviews.list', {})
    expect(left.map((r) => r.id)).toEqual([own.id])
    expect(await journal.call('screenings.list')).toEqual([])
    expect(await journal.call('responses.list', {})).toEqual([])
    expect((await journal.call('app.check')).ok).toBe(true)
  })
})
