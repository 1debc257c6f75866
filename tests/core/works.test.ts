import { describe, expect, it } from 'vitest'
import { openTestJournal, type TestJournal } from '../support/journal'
import { findOrCreateWork } from '../../src/main/core/works/resolve'
import { transaction } from '../../src/main/core/db/connection'

let seq = 0
/** A screening written straight to the table: the screenings feature is not under test here. */
function addScreening(journal: TestJournal, workId: string, watchedOn: string, rating: number | null = null) {
  seq += 1
  journal.db
    .prepare(
      `INSERT INTO screenings (id, work_id, watched_on, rating, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, '', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`
    )
    .run(`s-${seq}`, workId, watchedOn, rating)
  return `s-${seq}`
}

describe('findOrCreateWork', () => {
  it('finds a film by id, Letterboxd address, TMDB id and IMDb id before looking at titles', async () => {
    const { db } = await openTestJournal()
    const made = findOrCreateWork(db, {
      title: 'Amélie',
      year: 2001,
      letterboxdUri: 'https://boxd.it/2b0k',
      tmdbId: '194',
      imdbId: 'tt0211915'
    })
    expect(made.created).toBe(true)
    expect(findOrCreateWork(db, { id: made.work.id }).work.id).toBe(made.work.id)
    // A different title but the same id still resolves to the film: ids outrank titles.
    for (const ref of [
      { title: 'Le Fabuleux Destin', year: 2001, letterboxdUri: 'https://boxd.it/2b0k/' },
      { title: 'Something else', year: 1999, tmdbId: '194' },
      { title: 'Other', year: null, imdbId: 'https://www.imdb.com/title/TT0211915/' }
    ]) {
      const found = findOrCreateWork(db, ref)
      expect(found).toMatchObject({ created: false, work: { id: made.work.id, title: 'Amélie' } })
    }
  })

  it('matches title and year ignoring accents, case and punctuation, and adds the ids it lacked', async () => {
    const { db } = await openTestJournal()
    const first = findOrCreateWork(db, { title: 'Amélie', year: 2001 }).work
    const again = findOrCreateWork(db, {
      title: 'AMELIE!',
      year: 2001,
      letterboxdUri: 'https://boxd.it/x1',
      directors: ['Jean-Pierre Jeunet']
    })
    expect(again.created).toBe(false)
    expect(again.work).toMatchObject({
      id: first.id,
      letterboxdUri: 'https://boxd.it/x1',
      directors: ['Jean-Pierre Jeunet']
    })
    // Same title, another year: another film (remakes).
    const remake = findOrCreateWork(db, { title: 'Amelie', year: 2021 })
    expect(remake.created).toBe(true)
    expect(remake.work.id).not.toBe(first.id)
  })

  it('takes the one film of a title when either year is unknown, but not when it is ambiguous', async () => {
    const { db } = await openTestJournal()
    const psycho = findOrCreateWork(db, { title: 'Psycho', year: null }).work
    expect(findOrCreateWork(db, { title: 'psycho', year: 1960 }).work.id).toBe(psycho.id)
    expect(findOrCreateWork(db, { title: 'Psycho', year: 1960 }).work.year).toBe(1960)
    findOrCreateWork(db, { title: 'Psycho', year: 1998 })
    const unknown = findOrCreateWork(db, { title: 'Psycho', year: null })
    expect(unknown.created).toBe(true)
  })

  it('treats quotes and query words in a title as text', async () => {
    const { db } = await openTestJournal()
    const odd = findOrCreateWork(db, { title: 'NOT "Love" AND* Death: OR', year: 1975 }).work
    expect(findOrCreateWork(db, { title: 'not love and death or', year: 1975 }).work.id).toBe(odd.id)
    const symbols = findOrCreateWork(db, { title: '!!!', year: 2000 }).work
    expect(findOrCreateWork(db, { title: '!!!', year: 2000 }).work.id).toBe(symbols.id)
  })

  it('fails with NOT_FOUND for an unknown id and creates nothing', async () => {
    const { db } = await openTestJournal()
    expect(() => findOrCreateWork(db, { id: 'nope' })).toThrow(/No film/)
    expect(() => findOrCreateWork(db, { sourceKey: 'letterboxd:nope' })).toThrow(/No film/)
    expect(db.prepare('SELECT count(*) AS n FROM works').get()).toEqual({ n: 0 })
  })
})

describe('film catalogue', () => {
  it('lists films with screening and review counts, last seen and average rating', async () => {
    const journal = await openTestJournal()
    const her = await journal.call('works.create', {
      title: 'Her',
      year: 2013,
      directors: ['Spike Jonze'],
      runtimeMinutes: 126
    })
    const alone = await journal.call('works.create', { title: 'Alone', year: null })
    addScreening(journal, her.id, '2024-01-10', 4)
    addScreening(journal, her.id, '2024-03-02', 5)
    const review = await journal.call('reviews.create', { title: 'On Her', workId: her.id })
    await journal.call('reviews.save', { id: review.id, rating: 3 })
    const list = await journal.call('works.catalogue')
    expect(list.map((w) => [w.title, w.screeningCount, w.reviewCount, w.lastSeen, w.averageRating])).toEqual([
      ['Alone', 0, 0, null, null],
      ['Her', 2, 1, '2024-03-02', 4]
    ])
    expect(list[1].runtimeMinutes).toBe(126)
    expect((await journal.call('works.get', { id: alone.id })).title).toBe('Alone')
  })

  it('edits a film and shows field messages for bad values, changing nothing', async () => {
    const journal = await openTestJournal()
    const her = await journal.call('works.create', { title: 'Her', year: 2013 })
    const updated = await journal.call('works.update', {
      id: her.id,
      originalTitle: 'Her',
      imdbId: 'tt1798709',
      tmdbId: '152601'
    })
    expect(updated).toMatchObject({ title: 'Her', imdbId: 'tt1798709', tmdbId: '152601', year: 2013 })
    const bad = await journal.dispatch('works.update', {
      id: her.id,
      title: ' ',
      year: 1700,
      tmdbId: 'abc',
      runtimeMinutes: -3
    })
    expect(bad.ok).toBe(false)
    if (!bad.ok) {
      expect(bad.error.code).toBe('INVALID_INPUT')
      expect(Object.keys(bad.error.fields ?? {}).sort()).toEqual([
        'runtimeMinutes',
        'title',
        'tmdbId',
        'year'
      ])
    }
    expect((await journal.call('works.get', { id: her.id })).tmdbId).toBe('152601')
  })

  it('refuses a Letterboxd address another film already has', async () => {
    const journal = await openTestJournal()
    await journal.call('works.create', {
      title: 'A',
      year: null,
      letterboxdUri: 'https://letterboxd.com/film/a/'
    })
    const b = await journal.call('works.create', { title: 'B', year: null })
    const result = await journal.dispatch('works.update', {
      id: b.id,
      letterboxdUri: 'https://letterboxd.com/film/a'
    })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { letterboxdUri: expect.any(String) } }
    })
  })
})

describe('duplicates and merge', () => {
  it('finds duplicates by folded title and year and by shared ids', async () => {
    const journal = await openTestJournal()
    await journal.call('works.create', { title: 'Amélie', year: 2001 })
    await journal.call('works.create', { title: 'amelie', year: 2001 })
    await journal.call('works.create', { title: 'Amelie', year: 2021 })
    await journal.call('works.create', { title: 'Solaris', year: 1972, tmdbId: '593' })
    await journal.call('works.create', { title: 'Солярис', year: 1972, tmdbId: '593' })
    const groups = await journal.call('works.duplicates')
    expect(groups.map((g) => [g.reason, g.works.map((w) => w.title).sort()])).toEqual([
      ['tmdb', ['Solaris', 'Солярис']],
      ['title', ['Amélie', 'amelie'].sort()]
    ])
  })

  it('moves screenings and reviews into the kept film, keeps the ids, and old ids still resolve', async () => {
    const journal = await openTestJournal()
    const keep = await journal.call('works.create', { title: 'Amélie', year: 2001 })
    const dup = await journal.call('works.create', {
      title: 'Amelie',
      year: 2001,
      imdbId: 'tt0211915',
      directors: ['Jean-Pierre Jeunet']
    })
    journal.db.prepare('UPDATE works SET source_key = ? WHERE id = ?').run('letterboxd:film:amelie', dup.id)
    const s1 = addScreening(journal, dup.id, '2023-05-01', 4.5)
    addScreening(journal, keep.id, '2023-06-01')
    const review = await journal.call('reviews.create', { title: 'Paris', workId: dup.id })
    const result = await journal.call('works.merge', { keepId: keep.id, mergeIds: [dup.id] })
    expect(result).toMatchObject({ movedScreenings: 1, movedReviews: 1, removedWorks: 1 })
    expect(result.work).toMatchObject({
      id: keep.id,
      imdbId: 'tt0211915',
      directors: ['Jean-Pierre Jeunet'],
      screeningCount: 2,
      reviewCount: 1
    })
    expect((await journal.call('reviews.get', { id: review.id })).workId).toBe(keep.id)
    expect(journal.db.prepare('SELECT work_id FROM screenings WHERE id = ?').get(s1)).toEqual({
      work_id: keep.id
    })
    expect(findOrCreateWork(journal.db, { id: dup.id }).work.id).toBe(keep.id)
    expect(findOrCreateWork(journal.db, { sourceKey: 'letterboxd:film:amelie' }).work.id).toBe(keep.id)
    expect((await journal.call('works.list')).length).toBe(1)
    expect(journal.events.at(-1)).toEqual({
      event: 'data.changed',
      payload: { kinds: ['reviews', 'screenings', 'works'] }
    })
  })

  it('merges all or nothing: a missing film leaves everything as it was', async () => {
    const journal = await openTestJournal()
    const keep = await journal.call('works.create', { title: 'A', year: null })
    const dup = await journal.call('works.create', { title: 'A', year: null })
    addScreening(journal, dup.id, '2023-05-01')
    const result = await journal.dispatch('works.merge', { keepId: keep.id, mergeIds: [dup.id, 'missing'] })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await journal.call('works.get', { id: dup.id })).screeningCount).toBe(1)
    const self = await journal.dispatch('works.merge', { keepId: keep.id, mergeIds: [keep.id] })
    expect(self).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('resolves inside a caller transaction that rolls back leaving no film', async () => {
    const { db } = await openTestJournal()
    expect(() =>
      transaction(db, () => {
        findOrCreateWork(db, { title: 'Rolled back', year: 2000 })
        throw new Error('import failed')
      })
    ).toThrow('import failed')
    expect(db.prepare('SELECT count(*) AS n FROM works').get()).toEqual({ n: 0 })
  })
})
