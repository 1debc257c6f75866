import { describe, expect, it } from 'vitest'
import { openTestJournal, tempDir, type TestJournal } from '../support/journal'
import { openJournal } from '../../src/main/core/db/connection'
import { MIGRATIONS } from '../../src/main/core/db/migrations'
import { seedKnownJournal } from '../fixtures/knownJournal'
import type { SearchInput, SearchResults } from '../../src/shared/contract/search'
import { parseSearchText, toFtsQuery } from '../../src/main/core/search/query'
import { highlight } from '../../src/main/core/search/highlight'

async function known(): Promise<TestJournal> {
  const journal = await openTestJournal()
  seedKnownJournal(journal.db)
  return journal
}

const ids = (results: SearchResults, kind?: string) =>
  results.groups.filter((g) => !kind || g.kind === kind).flatMap((g) => g.hits.map((h) => h.id))

const search = (journal: TestJournal, text: string, more: Omit<SearchInput, 'text'> = {}) =>
  journal.call('search.query', { text, ...more })

describe('search text', () => {
  it('quotes every word so nothing typed is query syntax', () => {
    expect(toFtsQuery(parseSearchText('NOT "in the mood" OR fo'))).toBe('"NOT" "in the mood" "OR" "fo" *')
    expect(toFtsQuery(parseSearchText('title:x* (a) ^b -c NEAR/2'))).toBe(
      '"title" "x" "a" "b" "c" "NEAR" "2"'
    )
    expect(toFtsQuery(parseSearchText('"""'))).toBeNull()
  })

  it('keeps an unclosed quote as a phrase and prefixes the word being typed', () => {
    expect(parseSearchText('"rice coo')).toEqual([{ words: ['rice', 'coo'], phrase: true, prefix: true }])
    expect(parseSearchText('rice ')).toEqual([{ words: ['rice'], phrase: false, prefix: false }])
    // One letter matches half the index: it waits for a second.
    expect(parseSearchText('rice c')).toEqual([
      { words: ['rice'], phrase: false, prefix: false },
      { words: ['c'], phrase: false, prefix: false }
    ])
  })

  it('cuts snippets around the matches as text pieces, never markup, a phrase as one piece', () => {
    const terms = parseSearchText('"rice cooker" <b>')
    expect(highlight('a <b>bold</b> rice  cooker, then more', terms)).toEqual([
      { text: 'a <', hit: false },
      { text: 'b', hit: true },
      { text: '>bold</', hit: false },
      { text: 'b', hit: true },
      { text: '> ', hit: false },
      { text: 'rice cooker', hit: true },
      { text: ', then more', hit: false }
    ])
    const long = Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ')
    const parts = highlight(long, parseSearchText('w30'))
    expect(parts?.[0]).toEqual({ text: '…w27 w28 w29 ', hit: false })
    expect(parts?.at(-1)?.text.endsWith('…')).toBe(true)
    expect(highlight('Amélie', parseSearchText('AMELIE'))).toEqual([{ text: 'Amélie', hit: true }])
    expect(highlight('nothing here', parseSearchText('absent'))).toBeNull()
    // Text before the first word is kept when the snippet starts at the beginning.
    expect(highlight('<img> beware', parseSearchText('beware'))).toEqual([
      { text: '<img> ', hit: false },
      { text: 'beware', hit: true }
    ])
  })
})

describe('search', () => {
  it('finds every kind, grouped in a fixed order', async () => {
    const journal = await known()
    const results = await search(journal, 'cinematography')
    expect(results.groups.map((g) => g.kind)).toEqual(['review'])
    expect(ids(results)).toEqual(expect.arrayContaining(['r-amelie', 'r-mood']))
    const wong = await search(journal, 'wong')
    expect(wong.groups.map((g) => g.kind)).toEqual(['review', 'work'])
    const bfi = await search(journal, 'bfi')
    expect(bfi.groups.map((g) => g.kind)).toEqual(['review', 'screening'])
    expect(ids(bfi, 'screening').sort()).toEqual(['s-2', 's-5'])
  })

  it('ranks a title match above a passing mention, by bm25', async () => {
    const journal = await known()
    const results = await search(journal, 'solaris')
    expect(ids(results, 'review')[0]).toBe('r-solaris')
    const corridor = await search(journal, 'corridor', { kinds: ['review', 'screening'] })
    expect(corridor.groups.map((g) => [g.kind, g.hits.map((h) => h.id)])).toEqual([
      ['review', ['r-mood']],
      ['screening', ['s-4']]
    ])
  })

  it('highlights the matched words in the snippet and names the hit', async () => {
    const journal = await known()
    const [hit] = (await search(journal, 'rice cooker')).groups[0].hits
    expect(hit).toMatchObject({
      kind: 'response',
      id: 'p-1',
      title: 'Marguerite',
      reviewId: 'r-mood',
      detail: 'On Longing in slow motion'
    })
    expect(hit.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['rice', 'cooker'])
    expect(hit.snippet.map((p) => p.text).join('')).toContain('scene still haunts me')
  })

  it('ignores accents and case both ways', async () => {
    const journal = await known()
    expect(ids(await search(journal, 'amelie'), 'work')).toEqual(['w-amelie'])
    expect(ids(await search(journal, 'AMÉLIE'), 'work')).toEqual(['w-amelie'])
    expect(ids(await search(journal, 'солярис'), 'work')).toEqual(['w-solaris'])
    expect(ids(await search(journal, 'PÁRIS'), 'review')).toEqual(['r-amelie'])
  })

  it('matches the last word as a prefix while typing', async () => {
    const journal = await known()
    expect(ids(await search(journal, 'montm'))).toEqual(['r-amelie'])
    expect(ids(await search(journal, 'montm '))).toEqual([])
    expect(ids(await search(journal, '"rice coo'))).toEqual(['p-1'])
  })

  it('searches quoted words as a phrase', async () => {
    const journal = await known()
    expect(ids(await search(journal, '"water sequence"'))).toEqual(['s-5'])
    expect(ids(await search(journal, '"sequence water"'))).toEqual([])
    expect(ids(await search(journal, 'sequence water'))).toEqual(['s-5'])
  })

  it('never fails on query syntax: it is searched as text', async () => {
    const journal = await known()
    const hostile = [
      '"',
      '""',
      'AND',
      'OR NOT',
      '*',
      ':',
      'title:',
      'NEAR(a b)',
      '(((',
      ')',
      '^',
      '-',
      '{title}: x',
      'a AND',
      "'; DROP TABLE reviews; --",
      '\u0000\u0002',
      '🎬',
      'x'.repeat(1000),
      'a '.repeat(400)
    ]
    for (const text of hostile) {
      const result = await journal.dispatch('search.query', { text })
      expect(result.ok, text).toBe(true)
    }
    // The words themselves are found: "and" is in a review, "on" is in Chungking's.
    expect(ids(await search(journal, 'AND'))).toContain('r-mood')
    expect(ids(await search(journal, 'ON "'))).toContain('r-chungking')
    expect(journal.db.prepare('SELECT count(*) AS n FROM reviews').get()).toEqual({ n: 4 })
  })

  it('rejects invalid filters with field messages', async () => {
    const journal = await known()
    const bad = await journal.dispatch('search.query', {
      text: 'x',
      ratingMin: 4,
      ratingMax: 2,
      from: '2023-02-30'
    })
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { from: expect.any(String) } }
    })
    const range = await journal.dispatch('search.query', { text: 'x', ratingMin: 4, ratingMax: 2 })
    expect(range).toMatchObject({
      ok: false,
      error: { fields: { ratingMin: 'The lowest rating is above the highest' } }
    })
  })
})

describe('search filters', () => {
  it('filters by kind, status, rating range, tag, film year and date range', async () => {
    const journal = await known()
    expect(ids(await search(journal, 'bfi', { kinds: ['screening'] })).sort()).toEqual(['s-2', 's-5'])
    expect(ids(await search(journal, 'kong', { status: 'draft' }))).toEqual(['r-chungking'])
    expect(ids(await search(journal, 'haunts', { status: 'replied' }))).toEqual(['p-2'])
    expect(ids(await search(journal, 'restoration', { ratingMin: 4.5 }))).toEqual(['s-2'])
    expect(ids(await search(journal, 'bfi', { ratingMin: 3, ratingMax: 4 }))).toEqual(['r-solaris', 's-5'])
    expect(ids(await search(journal, 'wong', { tag: 'hong kong' }))).toEqual(['r-mood'])
    expect(ids(await search(journal, 'bfi', { year: 1972 }))).toEqual(['r-solaris', 's-5'])
    expect(ids(await search(journal, 'bfi', { from: '2024-01-01' }))).toEqual(['r-solaris', 's-5'])
    expect(ids(await search(journal, 'bfi', { to: '2023-12-31' }))).toEqual(['s-2'])
  })

  it('leaves out spam unless asked for it', async () => {
    const journal = await known()
    expect(ids(await search(journal, 'courses'))).toEqual([])
    expect(ids(await search(journal, 'courses', { status: 'spam' }))).toEqual(['p-3'])
  })

  it('carries a journal indexed before there was one index per kind over, finding every kind', async () => {
    const dir = tempDir()
    // The journal as it was before the per-kind indexes: every later migration held back.
    const perKind = MIGRATIONS.findIndex((m) => m.name === 'search-index-per-kind')
    expect(perKind).toBeGreaterThan(0)
    const later = MIGRATIONS.splice(perKind)
    try {
      const older = await openJournal(dir)
      seedKnownJournal(older)
      older.close()
    } finally {
      MIGRATIONS.push(...later)
    }
    const journal = await openTestJournal(dir)
    const wong = await search(journal, 'wong')
    expect(wong.groups.map((g) => g.kind)).toEqual(['review', 'work'])
    expect(ids(await search(journal, 'bfi'), 'screening').sort()).toEqual(['s-2', 's-5'])
    expect(ids(await search(journal, 'whimsy'))).toEqual(['r-amelie'])
    expect(ids(await search(journal, '"rice cooker" haunts'), 'response')).toEqual(['p-1'])
    expect((await journal.call('app.check')).problems).toEqual([])
  })

  it('finds reviews by tag and follows tag changes, film renames and the trash', async () => {
    const journal = await known()
    expect(ids(await search(journal, 'whimsy'))).toEqual(['r-amelie'])
    await journal.call('reviews.save', { id: 'r-amelie', tags: ['fable'] })
    expect(ids(await search(journal, 'whimsy'))).toEqual([])
    expect(ids(await search(journal, 'fable'))).toEqual(['r-amelie'])
    await journal.call('works.update', { id: 'w-chungking', title: 'Chung Hing Sam Lam' })
    expect(ids(await search(journal, 'hing sam'))).toEqual(['r-chungking', 's-3', 'w-chungking'])
    journal.db.prepare("UPDATE reviews SET deleted_at = '2024-01-01' WHERE id = 'r-chungking'").run()
    expect(ids(await search(journal, 'pineapple'))).toEqual([])
    const check = await journal.call('app.check')
    expect(check.problems).toEqual([])
  })

  it('stays bounded for a word in every document and says there is more', async () => {
    const journal = await openTestJournal()
    const insert = journal.db.prepare(
      `INSERT INTO responses (id, review_id, author_name, body, received_at, created_at, updated_at)
       VALUES (?, 'r', 'Reader', ?, '2024-01-01', '2024-01-01', '2024-01-01')`
    )
    journal.db.transaction(() => {
      journal.db
        .prepare(
          `INSERT INTO reviews (id, title, body, created_at, updated_at) VALUES ('r', 'Common', '{"root":{"type":"root","children":[]}}', '2024-01-01', '2024-01-01')`
        )
        .run()
      for (let i = 0; i < 2500; i++)
        insert.run(`p${i}`, i === 7 ? 'the the the the film' : `the film number ${i}`)
    })()
    const results = await search(journal, 'the', { limit: 5 })
    const responses = results.groups.find((g) => g.kind === 'response')
    expect(responses?.hits).toHaveLength(5)
    expect(responses?.more).toBe(true)
    // Only the newest 500 are ranked: p7 would rank first of all, but it is among the oldest.
    expect(ids(results)).not.toContain('p7')
    expect(ids(await search(journal, 'the the the', { limit: 5 }))).not.toContain('p7')
    // A phrase with more matches than are ranked shows the newest first.
    expect(ids(await search(journal, '"the film"', { limit: 3 }))).toEqual(['p2499', 'p2498', 'p2497'])
  })
})
