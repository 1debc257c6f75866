import { describe, expect, it } from 'vitest'
import { openTestJournal } from '../support/journal'

describe('the reviews list order', () => {
  it('puts the most recently edited first, and of those edited in the same millisecond the later added', async () => {
    const journal = await openTestJournal()
    for (const title of ['First', 'Second', 'Third', 'Fourth'])
      await journal.call('reviews.create', { title })
    // An import or a script can write several in one millisecond.
    journal.db.prepare("UPDATE reviews SET updated_at = '2025-01-01T00:00:00.000Z'").run()
    journal.db
      .prepare("UPDATE reviews SET updated_at = '2025-01-02T00:00:00.000Z' WHERE title = 'Second'")
      .run()
    const titles = (await journal.call('reviews.list', { scope: 'live' })).map((r) => r.title)
    expect(titles).toEqual(['Second', 'Fourth', 'Third', 'First'])
  })

  it('gives a first page as the head of the same order, each review with its own tags', async () => {
    const journal = await openTestJournal()
    for (const title of ['First', 'Second', 'Third', 'Fourth', 'Fifth']) {
      const review = await journal.call('reviews.create', { title })
      await journal.call('reviews.save', { id: review.id, tags: [title.toLowerCase(), 'all'] })
    }
    journal.db
      .prepare("UPDATE reviews SET updated_at = '2100-01-02T00:00:00.000Z' WHERE title = 'Second'")
      .run()
    const all = await journal.call('reviews.list', { scope: 'live' })
    const page = await journal.call('reviews.list', { scope: 'live', limit: 3 })
    expect(page).toEqual(all.slice(0, 3))
    expect(page[0]!.tags).toEqual(['all', 'second'])
    await expect(journal.call('reviews.list', { scope: 'live', limit: 0 })).rejects.toThrow()
  })
})
