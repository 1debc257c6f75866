import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { openTestJournal, tempDir } from '../support/journal'
import { seedKnownJournal } from '../fixtures/knownJournal'

// Every expected number below is counted by hand from tests/fixtures/knownJournal.ts.
const zeros = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({
    month: `2023-${String(from + i).padStart(2, '0')}`,
    count: 0
  }))

describe('statistics', () => {
  it('counts the whole journal', async () => {
    const journal = await openTestJournal()
    seedKnownJournal(journal.db)
    const stats = await journal.call('stats.overview')
    expect(stats.totals).toEqual({ screenings: 5, films: 4, reviews: 4, words: 87, responses: 1 })
    expect(stats.screeningsPerMonth).toEqual([
      { month: '2023-01', count: 2 },
      { month: '2023-02', count: 1 },
      { month: '2023-03', count: 1 },
      ...zeros(4, 12),
      { month: '2024-01', count: 0 },
      { month: '2024-02', count: 1 }
    ])
    expect(stats.ratings.filter((b) => b.screenings || b.reviews)).toEqual([
      { rating: 3.5, screenings: 1, reviews: 1 },
      { rating: 4, screenings: 2, reviews: 1 },
      { rating: 5, screenings: 2, reviews: 1 }
    ])
    expect(stats.ratings.map((b) => b.rating)).toEqual([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5])
    expect(stats.formats).toEqual([
      { format: 'cinema', count: 2 },
      { format: 'festival', count: 1 },
      { format: 'home-media', count: 1 },
      { format: 'streaming', count: 1 }
    ])
    expect(stats.venues).toEqual([
      { venue: 'BFI Southbank', count: 2 },
      { venue: 'Prince Charles Cinema', count: 1 }
    ])
    expect(stats.wordsPerMonth.filter((m) => m.count)).toEqual([
      { month: '2023-01', count: 20 },
      { month: '2023-02', count: 55 },
      { month: '2024-02', count: 12 }
    ])
    expect(stats.reviewsByStatus).toEqual([
      { status: 'draft', count: 1 },
      { status: 'ready', count: 1 },
      { status: 'published', count: 2 }
    ])
    expect(stats.directors).toEqual([
      { director: 'Wong Kar-wai', screenings: 3, films: 2 },
      { director: 'Andrei Tarkovsky', screenings: 1, films: 1 },
      { director: 'Jean-Pierre Jeunet', screenings: 1, films: 1 }
    ])
    expect(stats.years).toEqual([2024, 2023])
  })

  it('narrows every figure to one year, with all twelve months', async () => {
    const journal = await openTestJournal()
    seedKnownJournal(journal.db)
    const stats = await journal.call('stats.overview', { year: 2024 })
    expect(stats.totals).toEqual({ screenings: 1, films: 1, reviews: 1, words: 12, responses: 0 })
    expect(stats.screeningsPerMonth).toHaveLength(12)
    expect(stats.screeningsPerMonth[1]).toEqual({ month: '2024-02', count: 1 })
    expect(stats.directors).toEqual([{ director: 'Andrei Tarkovsky', screenings: 1, films: 1 }])
  })

  it('counts again whenever the journal changed, however it changed, and only then', async () => {
    const dir = tempDir()
    const journal = await openTestJournal(dir)
    seedKnownJournal(journal.db)
    const first = await journal.call('stats.overview')
    expect(first.totals.screenings).toBe(5)
    // Nothing changed: the same figures, not counted again.
    expect(await journal.call('stats.overview')).toBe(first)
    expect((await journal.call('stats.overview', { year: 2024 })).totals.screenings).toBe(1)

    // Through a channel (a store write), a raw write on the same connection, and another
    // connection's commit (as an import's worker makes): each is counted.
    await journal.call('screenings.log', { film: { title: 'Stalker', year: 1979 }, watchedOn: '2024-05-01' })
    expect((await journal.call('stats.overview')).totals.screenings).toBe(6)
    journal.db.prepare("UPDATE screenings SET deleted_at = '2024-06-01' WHERE id = 's-5'").run()
    expect((await journal.call('stats.overview')).totals.screenings).toBe(5)
    const other = new Database(join(dir, 'journal.sqlite'))
    other.prepare("UPDATE screenings SET deleted_at = '2024-06-01' WHERE id = 's-4'").run()
    other.close()
    expect((await journal.call('stats.overview')).totals.screenings).toBe(4)
  })

  it('leaves trashed screenings and reviews out', async () => {
    const journal = await openTestJournal()
    seedKnownJournal(journal.db)
    journal.db.prepare("UPDATE screenings SET deleted_at = '2024-03-01' WHERE id = 's-5'").run()
    journal.db.prepare("UPDATE reviews SET deleted_at = '2024-03-01' WHERE id = 'r-solaris'").run()
    const stats = await journal.call('stats.overview')
    expect(stats.totals).toEqual({ screenings: 4, films: 3, reviews: 3, words: 75, responses: 1 })
    expect(stats.years).toEqual([2023])
  })

  it('lists every year with live screenings or reviews, skipping empty and trashed years', async () => {
    const journal = await openTestJournal()
    seedKnownJournal(journal.db)
    const screening = journal.db.prepare(
      `INSERT INTO screenings (id, work_id, watched_on, created_at, updated_at, deleted_at)
       SELECT ?, work_id, ?, created_at, updated_at, ? FROM screenings WHERE id = 's-5'`
    )
    screening.run('s-old', '2009-12-31', null)
    screening.run('s-trashed', '2016-06-01', '2024-03-01')
    journal.db
      .prepare(
        `INSERT INTO reviews (id, title, body, created_at, updated_at)
         VALUES ('r-old', 'Old', '{"root":{"type":"root","children":[]}}', '2012-01-01T09:00:00Z', '2012-01-01T09:00:00Z')`
      )
      .run()
    const stats = await journal.call('stats.overview')
    expect(stats.years).toEqual([2024, 2023, 2012, 2009])
    expect(stats.screeningsPerMonth[0]).toEqual({ month: '2009-12', count: 1 })
    expect(stats.wordsPerMonth[0]).toEqual({ month: '2012-01', count: 0 })
  })

  // A review's row holds its whole text; counting must never have to read it.
  it('counts screenings and reviews from their narrow indexes, not from whole rows', async () => {
    const journal = await openTestJournal()
    const plan = (sql: string) =>
      (journal.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((row) => row.detail)
        .join(' | ')
    expect(
      plan(
        'SELECT r.status, count(*), sum(r.word_count) FROM reviews r WHERE r.deleted_at IS NULL GROUP BY r.status'
      )
    ).toContain('COVERING INDEX reviews_stats')
    expect(
      plan(
        `SELECT s.format, count(DISTINCT s.work_id), max(s.rating) FROM screenings s
         WHERE s.deleted_at IS NULL AND s.watched_on >= '2016' AND s.watched_on < '2017' GROUP BY s.venue`
      )
    ).toContain('COVERING INDEX screenings_stats')
  })

  it('sums up a year in review', async () => {
    const journal = await openTestJournal()
    seedKnownJournal(journal.db)
    expect(await journal.call('stats.year', { year: 2023 })).toEqual({
      year: 2023,
      filmsSeen: 3,
      screenings: 4,
      firstTime: 3,
      rewatches: 1,
      reviewsWritten: 3,
      wordsWritten: 75,
      topRated: [
        { workId: 'w-mood', title: 'In the Mood for Love', year: 2000, rating: 5 },
        { workId: 'w-amelie', title: 'Amélie', year: 2001, rating: 4 },
        { workId: 'w-chungking', title: 'Chungking Express', year: 1994, rating: 4 }
      ],
      longestReview: { id: 'r-mood', title: 'Longing in slow motion', wordCount: 45 },
      busiestMonth: { month: '2023-01', count: 2 }
    })
  })

  it('answers an empty journal and an empty year with zeros, not errors', async () => {
    const journal = await openTestJournal()
    const stats = await journal.call('stats.overview')
    expect(stats.totals).toEqual({ screenings: 0, films: 0, reviews: 0, words: 0, responses: 0 })
    expect(stats.screeningsPerMonth).toEqual([])
    const year = await journal.call('stats.year', { year: 1999 })
    expect(year).toMatchObject({ filmsSeen: 0, topRated: [], longestReview: null, busiestMonth: null })
    const bad = await journal.dispatch('stats.year', { year: 1500 })
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { year: expect.any(String) } }
    })
  })
})
