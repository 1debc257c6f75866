import { describe, expect, it } from 'vitest'
import { openTestJournal, type TestJournal } from '../support/journal'
import type { ChannelInput } from '../../src/shared/contract'

type LogInput = ChannelInput<'screenings.log'>

/** Eight screenings over two years, enough for every filter to pick a different set. */
async function diaryJournal(): Promise<TestJournal> {
  const journal = await openTestJournal()
  const rows: (Partial<LogInput> & { title: string; watchedOn: string })[] = [
    { title: 'Sunrise', watchedOn: '2025-11-02', venue: 'Film Forum', format: 'cinema', tags: ['silent'] },
    {
      title: 'Sunrise',
      watchedOn: '2026-03-01',
      venue: 'Home',
      format: 'home-media',
      tags: ['silent', 'restoration']
    },
    {
      title: 'The General',
      watchedOn: '2026-02-10',
      venue: 'Cinémathèque',
      format: 'festival',
      formatDetail: 'Silent Days'
    },
    { title: 'Nosferatu', watchedOn: '2026-10-31', venue: 'home', format: 'streaming' },
    { title: 'Tár', watchedOn: '2026-10-02', watchedTime: '10:00', venue: 'Film Forum', format: 'press' },
    { title: 'Tár', watchedOn: '2026-10-02', watchedTime: '21:00', venue: 'Film Forum', format: 'cinema' },
    { title: 'Aftersun', watchedOn: '2025-12-24', venue: 'Home', format: 'streaming', tags: ['Christmas'] },
    { title: 'Aftersun', watchedOn: '2026-02-14', venue: 'Home', format: 'streaming', rewatch: false }
  ]
  for (const { title, ...rest } of rows) await journal.call('screenings.log', { film: { title }, ...rest })
  return journal
}

const summary = (rows: { workTitle: string; watchedOn: string }[]) =>
  rows.map((r) => `${r.watchedOn} ${r.workTitle}`)

describe('the diary', () => {
  it('orders newest first, later showings of one day first, and counts per month', async () => {
    const journal = await diaryJournal()
    const index = await journal.call('screenings.diaryIndex', {})
    expect(index).toEqual({
      total: 8,
      months: [
        { month: '2026-10', count: 3 },
        { month: '2026-03', count: 1 },
        { month: '2026-02', count: 2 },
        { month: '2025-12', count: 1 },
        { month: '2025-11', count: 1 }
      ]
    })
    const page = await journal.call('screenings.diaryPage', { offset: 0, limit: 3 })
    expect(page.map((s) => `${s.watchedOn} ${s.watchedTime ?? ''} ${s.workTitle}`)).toEqual([
      '2026-10-31  Nosferatu',
      '2026-10-02 21:00 Tár',
      '2026-10-02 10:00 Tár'
    ])
    const rest = await journal.call('screenings.diaryPage', { offset: 3, limit: 100 })
    expect(rest).toHaveLength(5)
    const all = await journal.call('screenings.list')
    expect([...page, ...rest].map((s) => s.id)).toEqual(all.map((s) => s.id))
  })

  it.each([
    ['year', { year: 2025 }, ['2025-12-24 Aftersun', '2025-11-02 Sunrise']],
    [
      'format',
      { format: 'streaming' },
      ['2026-10-31 Nosferatu', '2026-02-14 Aftersun', '2025-12-24 Aftersun']
    ],
    [
      'venue, ignoring case',
      { venue: 'HOME' },
      ['2026-10-31 Nosferatu', '2026-03-01 Sunrise', '2026-02-14 Aftersun', '2025-12-24 Aftersun']
    ],
    ['tag', { tag: 'silent' }, ['2026-03-01 Sunrise', '2025-11-02 Sunrise']],
    ['rewatch', { rewatch: true }, ['2026-10-02 Tár', '2026-03-01 Sunrise']],
    [
      'first viewings',
      { rewatch: false, year: 2026, format: 'streaming' },
      ['2026-10-31 Nosferatu', '2026-02-14 Aftersun']
    ],
    [
      'year, venue and format together',
      { year: 2026, venue: 'Film Forum', format: 'press' },
      ['2026-10-02 Tár']
    ]
  ] as const)('filters by %s', async (_name, filter, expected) => {
    const journal = await diaryJournal()
    const index = await journal.call('screenings.diaryIndex', filter)
    const page = await journal.call('screenings.diaryPage', { filter, offset: 0, limit: 50 })
    expect(summary(page)).toEqual(expected)
    expect(index.total).toBe(expected.length)
    expect(index.months.reduce((n, m) => n + m.count, 0)).toBe(expected.length)
    expect(summary(await journal.call('screenings.list', filter))).toEqual(expected)
  })

  it('a filter matching nothing gives an empty diary, not an error', async () => {
    const journal = await diaryJournal()
    expect(await journal.call('screenings.diaryIndex', { tag: 'no such tag' })).toEqual({
      total: 0,
      months: []
    })
  })

  it('screenings in the trash leave the diary and its counts', async () => {
    const journal = await diaryJournal()
    const [newest] = await journal.call('screenings.diaryPage', { offset: 0, limit: 1 })
    await journal.call('screenings.delete', { id: newest.id })
    const index = await journal.call('screenings.diaryIndex', {})
    expect(index.total).toBe(7)
    expect(index.months[0]).toEqual({ month: '2026-10', count: 2 })
  })

  it('refuses a page larger than 500 rows or a negative offset', async () => {
    const journal = await diaryJournal()
    expect((await journal.dispatch('screenings.diaryPage', { offset: 0, limit: 5000 })).ok).toBe(false)
    expect((await journal.dispatch('screenings.diaryPage', { offset: -1, limit: 5 })).ok).toBe(false)
    expect((await journal.dispatch('screenings.diaryIndex', { year: 'twenty' })).ok).toBe(false)
  })

  it('offers the values used before, most used first', async () => {
    const journal = await diaryJournal()
    const facets = await journal.call('screenings.facets')
    expect(facets.years).toEqual([2026, 2025])
    expect(facets.venues.slice(0, 2).map((v) => v.toLowerCase())).toEqual(['home', 'film forum'])
    expect(facets.tags).toEqual(['Christmas', 'restoration', 'silent'])
    expect(facets.formatDetails).toEqual(['Silent Days'])
  })
})
