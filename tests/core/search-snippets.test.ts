import { describe, expect, it } from 'vitest'
import { openTestJournal, type TestJournal } from '../support/journal'
import { highlight, highlightOpening } from '../../src/main/core/search/highlight'
import { indexedMatches, PLACES_PER_HIT } from '../../src/main/core/search/indexedMatches'
import { parseSearchText } from '../../src/main/core/search/query'
import type { SearchHit } from '../../src/shared/contract/search'

/** A journal with one review and the given reader responses (ids p0, p1 … in order). */
async function withResponses(bodies: string[]): Promise<TestJournal> {
  const journal = await openTestJournal()
  const insert = journal.db.prepare(
    `INSERT INTO responses (id, review_id, author_name, body, received_at, created_at, updated_at)
     VALUES (?, 'r', 'Reader', ?, '2024-01-01', '2024-01-01', '2024-01-01')`
  )
  journal.db.transaction(() => {
    journal.db
      .prepare(
        `INSERT INTO reviews (id, title, body, created_at, updated_at)
         VALUES ('r', 'Untouched', '{"root":{"type":"root","children":[]}}', '2024-01-01', '2024-01-01')`
      )
      .run()
    bodies.forEach((body, i) => insert.run(`p${i}`, body))
  })()
  return journal
}

const responseHits = async (journal: TestJournal, text: string, limit = 100, offset = 0) => {
  const results = await journal.call('search.query', { text, kinds: ['response'], limit, offset })
  return results.groups[0]
}

const ridOf = (journal: TestJournal, id: string) =>
  journal.db.prepare('SELECT rid FROM responses WHERE id = ?').pluck().get(id) as number

const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `w${i + from}`).join(' ')
const marked = (hit: SearchHit) => hit.snippet.filter((p) => p.hit).map((p) => p.text)

describe('snippets cut at the places the index holds', () => {
  const cases: [string, string, string[]][] = [
    [
      'accents folded both ways',
      `${words(40)} Les Misérables, l’été à Paris ${words(40, 40)}`,
      ['miserables', 'ÉTÉ']
    ],
    ['accents written as combining marks', `${words(30)} Ame\u0301lie ${words(30, 30)}`, ['amelie']],
    ['a prefix being typed', `${words(30)} Montmartre at dawn ${words(30, 30)}`, ['montm']],
    ['a quoted phrase', `${words(30)} the rice cooker scene ${words(30, 30)}`, ['"rice cooker"']],
    [
      'several matches: the densest place',
      `w1 zebra ${words(50, 2)} zebra x zebra y zebra ${words(20, 60)}`,
      ['zebra']
    ],
    ['a match at the very start', `zebra ${words(60)}`, ['zebra']],
    ['a match at the very end', `${words(60)} zebra`, ['zebra']],
    ['a body of one word', 'zebra', ['zebra']],
    ['quotes and markup kept as text', `${words(20)} “<b>zebra</b>” ${words(20, 20)}`, ['zebra']]
  ]
  it.each(cases)('%s', async (_name, body, queries) => {
    const journal = await withResponses([body])
    for (const query of queries) {
      const terms = parseSearchText(query)
      // The index itself says where: one place per matched word of the body.
      const places = indexedMatches(journal.db, 'responses_fts', 'body', [ridOf(journal, 'p0')], terms)
      expect(places?.common).toEqual([])
      expect(places?.byDoc.get(ridOf(journal, 'p0'))?.length).toBeGreaterThan(0)
      // … and the snippet cut there is the one reading the whole text gives.
      const [hit] = (await responseHits(journal, query)).hits
      expect(hit.snippet).toEqual(highlight(body, terms))
      expect(marked(hit).length).toBeGreaterThan(0)
    }
  })

  it('gives the places of each word the index holds, a phrase as one match', async () => {
    const journal = await withResponses([`${words(10)} rice cooker ${words(5, 10)} rice`])
    const rid = ridOf(journal, 'p0')
    const places = indexedMatches(
      journal.db,
      'responses_fts',
      'body',
      [rid],
      parseSearchText('"rice cooker" rice')
    )
    expect(places?.byDoc.get(rid)?.map((t) => [t.position, t.match])).toEqual([
      [10, 0],
      [11, 0],
      [17, 1]
    ])
    // A word the index does not hold cannot be placed: the text is read instead.
    expect(indexedMatches(journal.db, 'responses_fts', 'body', [rid], parseSearchText('absent '))).toBeNull()
  })

  it('finds words too common to read from the index in the text, at its opening', async () => {
    const common = `${words(5)} ${'the film '.repeat(40)}`
    const bodies = Array.from({ length: Math.ceil((PLACES_PER_HIT * 100) / 40) + 10 }, () => common)
    bodies.push(`${words(100)} the ${words(3, 100)} zebra the end`)
    const journal = await withResponses(bodies)
    const last = `p${bodies.length - 1}`
    const places = indexedMatches(
      journal.db,
      'responses_fts',
      'body',
      [ridOf(journal, last)],
      parseSearchText('the zebra ')
    )
    expect(places?.common.map((t) => t.words)).toEqual([['the']])
    // More places than are read for a page of 100 hits: "the" is found in the texts. The rare
    // word places the window; the common one is marked wherever it falls in it.
    const zebra = (await responseHits(journal, 'the zebra ')).hits
    expect(zebra.map((h) => h.id)).toEqual([last])
    expect(zebra[0].snippet).toEqual(highlight(bodies.at(-1)!, parseSearchText('the zebra ')))
    const the = (await responseHits(journal, 'the ', 3)).hits
    expect(the[0].snippet[0]).toEqual({ text: '…w2 w3 w4 ', hit: false })
    expect(marked(the[0])).toEqual(Array(7).fill('the'))
    expect(the[0].snippet).toEqual(highlight(common, parseSearchText('the ')))
  })
})

describe('snippets for words found nearly everywhere', () => {
  it('reads on past the opening until a match, and marks a phrase across where it stopped', () => {
    const late = `${words(250)} zebra ${words(150, 250)}`
    expect(highlightOpening(late, parseSearchText('zebra '))).toEqual(
      highlight(late, parseSearchText('zebra '))
    )
    const across = `${words(63)} rice cooker ${words(100, 63)}`
    const phrase = highlightOpening(across, parseSearchText('"rice cooker"'))
    expect(phrase?.filter((p) => p.hit).map((p) => p.text)).toEqual(['rice cooker'])
    expect(highlightOpening(words(300), parseSearchText('zebra '))).toBeNull()
    expect(highlightOpening('zebra', parseSearchText('zebra '))).toEqual([{ text: 'zebra', hit: true }])
  })
})

describe('totals and pages of hits', () => {
  it('counts every hit of a kind and pages through them in one order, past the ranked ones', async () => {
    const bodies = Array.from({ length: 1200 }, (_, i) =>
      i % 3 ? `zebra number ${i}` : `zebra zebra zebra ${i}`
    )
    const journal = await withResponses(bodies)
    const first = await responseHits(journal, 'zebra', 8)
    expect(first).toMatchObject({ total: 1200, offset: 0, more: true })
    expect(first.hits).toHaveLength(8)
    const seen: string[] = []
    for (let offset = 0; offset < 1200; offset += 100) {
      const page = await responseHits(journal, 'zebra', 100, offset)
      expect(page).toMatchObject({ total: 1200, offset, more: offset + 100 < 1200 })
      seen.push(...page.hits.map((h) => h.id))
    }
    expect(new Set(seen).size).toBe(1200)
    // A page across the end of the ranked matches is the same hits as the pages either side.
    const across = await responseHits(journal, 'zebra', 100, 450)
    expect(across.hits.map((h) => h.id)).toEqual(seen.slice(450, 550))
    // Past the ranked 500, the older matches follow newest first.
    expect(seen.slice(500, 503)).toEqual(['p699', 'p698', 'p697'])
  })

  it('counts and pages a phrase and a filter with no words', async () => {
    const journal = await withResponses(Array.from({ length: 30 }, (_, i) => `a rice cooker ${i}`))
    const phrase = await responseHits(journal, '"rice cooker"', 10, 20)
    expect(phrase).toMatchObject({ total: 30, offset: 20, more: false })
    expect(phrase.hits).toHaveLength(10)
    const browse = await journal.call('search.query', { text: '', status: 'new', limit: 7, offset: 7 })
    expect(browse.groups[0]).toMatchObject({ kind: 'response', total: 30, offset: 7, more: true })
    expect(browse.groups[0].hits.map((h) => h.id)).toEqual(['p22', 'p21', 'p20', 'p19', 'p18', 'p17', 'p16'])
  })

  it('refuses a page before the first', async () => {
    const journal = await withResponses(['zebra'])
    const bad = await journal.dispatch('search.query', { text: 'zebra', offset: -1 })
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { offset: expect.any(String) } }
    })
  })
})
