import { describe, expect, it } from 'vitest'
import { openTestJournal } from '../support/journal'

/** Three reviews: two tagged "romance" (one published), one draft without the tag, one trashed. */
async function tagged() {
  const journal = await openTestJournal()
  const make = async (title: string, tags: string[], status?: 'ready') => {
    const review = await journal.call('reviews.create', { title })
    await journal.call('reviews.save', { id: review.id, tags })
    if (status) await journal.call('reviews.setStatus', { id: review.id, status })
    return review
  }
  const her = await make('Her', ['romance', 'sci-fi'], 'ready')
  const before = await make('Before Sunrise', ['romance'])
  await make('The General', ['silent'])
  const gone = await make('Trashed romance', ['romance'])
  await journal.call('reviews.trash', { id: gone.id })
  return { journal, her, before }
}

describe('search with filters and no words', () => {
  it('lists the reviews carrying a tag, newest first, leaving out the trash', async () => {
    const { journal, her, before } = await tagged()
    const results = await journal.call('search.query', { text: '', tag: 'romance' })
    expect(results.groups.map((g) => g.kind)).toEqual(['review'])
    expect(results.groups[0].hits.map((h) => h.id)).toEqual([before.id, her.id])
    expect(results.groups[0].hits[0].title).toBe('Before Sunrise')
  })

  it('lists reviews by status, and says when there are more than the limit', async () => {
    const { journal, her } = await tagged()
    const ready = await journal.call('search.query', { text: '', status: 'ready' })
    expect(ready.groups.flatMap((g) => g.hits.map((h) => h.id))).toEqual([her.id])
    const drafts = await journal.call('search.query', { text: '', status: 'draft', limit: 1 })
    expect(drafts.groups[0]).toMatchObject({ kind: 'review', more: true })
  })

  it('still finds nothing for no words and no filters', async () => {
    const { journal } = await tagged()
    expect((await journal.call('search.query', { text: '' })).groups).toEqual([])
  })
})

describe('the tag filter’s menu', () => {
  it('offers only tags something live still carries', async () => {
    const { journal } = await tagged()
    await journal.call('sample.load')
    expect((await journal.call('search.facets')).tags).toContain('restoration')
    await journal.call('sample.remove')
    expect((await journal.call('search.facets')).tags).toEqual(['romance', 'sci-fi', 'silent'])
  })
})
