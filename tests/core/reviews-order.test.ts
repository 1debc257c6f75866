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
})
