import { describe, expect, it } from 'vitest'
import { openTestJournal, type TestJournal } from '../support/journal'
import type { ChannelInput } from '../../src/shared/contract'

type LogInput = ChannelInput<'screenings.log'>

async function log(journal: TestJournal, input: Partial<LogInput> & { title?: string }) {
  const { title = 'The General', ...rest } = input
  return journal.call('screenings.log', { film: rest.film ?? { title }, watchedOn: '2026-02-10', ...rest })
}

function counts(journal: TestJournal) {
  return journal.db
    .prepare('SELECT (SELECT count(*) FROM works) AS works, (SELECT count(*) FROM screenings) AS screenings')
    .get()
}

describe('logging a screening', () => {
  it('creates the film and the screening together, with every field kept', async () => {
    const journal = await openTestJournal()
    const entry = await log(journal, {
      film: { title: '  Close-Up ', year: 1990 },
      watchedOn: '2026-03-01',
      watchedTime: '19:30',
      venue: ' Film Forum ',
      format: 'festival',
      formatDetail: 'NYFF',
      companions: ['Ana', 'ana', ' Tom '],
      walkedOut: true,
      rating: 4.5,
      tags: ['Iran', 'restoration'],
      notes: 'Second half hit hard.',
      embargoUntil: '2026-03-10'
    })
    expect(entry).toMatchObject({
      workTitle: 'Close-Up',
      workYear: 1990,
      watchedOn: '2026-03-01',
      watchedTime: '19:30',
      venue: 'Film Forum',
      format: 'festival',
      formatDetail: 'NYFF',
      companions: ['Ana', 'Tom'],
      rewatch: false,
      walkedOut: true,
      rating: 4.5,
      tags: ['Iran', 'restoration'],
      notes: 'Second half hit hard.',
      embargoUntil: '2026-03-10',
      reviewId: null,
      embargoBroken: false
    })
    expect(await journal.call('screenings.get', { id: entry.id })).toEqual(entry)
    expect(journal.events.at(-1)).toEqual({
      event: 'data.changed',
      payload: { kinds: ['screenings', 'tags', 'works'] }
    })
  })

  it('finds an existing film by its title instead of creating a second one', async () => {
    const journal = await openTestJournal()
    const first = await log(journal, { film: { title: 'The General', year: 1926 } })
    const second = await log(journal, { film: { title: 'the general', year: 1926 }, watchedOn: '2026-04-01' })
    expect(second.workId).toBe(first.workId)
    const byId = await log(journal, { film: { workId: first.workId }, watchedOn: '2026-05-01' })
    expect(byId.workId).toBe(first.workId)
    expect(counts(journal)).toEqual({ works: 1, screenings: 3 })
  })

  it('turns blank optional text into nothing', async () => {
    const journal = await openTestJournal()
    const entry = await log(journal, { venue: '   ', formatDetail: '' })
    expect(entry.venue).toBeNull()
    expect(entry.formatDetail).toBeNull()
    expect(entry.format).toBe('cinema')
  })
})

describe('bad input is refused beside its field, and nothing is saved half-way', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a date that does not exist', { watchedOn: '2026-02-30' }, 'watchedOn'],
    ['a date in another shape', { watchedOn: '10/02/2026' }, 'watchedOn'],
    ['an embargo date that does not exist', { embargoUntil: '2026-13-01' }, 'embargoUntil'],
    ['a rating above five stars', { rating: 5.5 }, 'rating'],
    ['a rating below half a star', { rating: 0 }, 'rating'],
    ['a rating not in halves', { rating: 3.3 }, 'rating'],
    ['an empty film title', { film: { title: '   ' } }, 'film.title'],
    ['no film at all', { film: {} }, 'film.title'],
    ['a time that is not a time', { watchedTime: '25:00' }, 'watchedTime'],
    ['a format not on the list', { format: 'vhs' }, 'format'],
    ['an unknown field', { secret: 1 }, '_']
  ]
  it.each(cases)('%s', async (_name, bad, field) => {
    const journal = await openTestJournal()
    const result = await journal.dispatch('screenings.log', {
      film: { title: 'Stalker' },
      watchedOn: '2026-01-01',
      ...bad
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('INVALID_INPUT')
    expect(result.error.fields?.[field]).toBeTruthy()
    expect(counts(journal)).toEqual({ works: 0, screenings: 0 })
  })

  it('a film id that does not exist fails beside the film field', async () => {
    const journal = await openTestJournal()
    const result = await journal.dispatch('screenings.log', {
      film: { workId: 'nope' },
      watchedOn: '2026-01-01'
    })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', fields: { 'film.title': expect.any(String) } }
    })
    expect(counts(journal)).toEqual({ works: 0, screenings: 0 })
  })

  it('a failure after the film was created rolls the new film back too', async () => {
    const journal = await openTestJournal()
    // Valid input never fails the insert, so make the write itself fail after the film exists.
    journal.db.exec(
      `CREATE TRIGGER fail_screening BEFORE INSERT ON screenings BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`
    )
    const result = await journal.dispatch('screenings.log', {
      film: { title: 'Ordet' },
      watchedOn: '2026-01-01'
    })
    expect(result.ok).toBe(false)
    expect(counts(journal)).toEqual({ works: 0, screenings: 0 })
  })

  it('huge notes are refused with one message', async () => {
    const journal = await openTestJournal()
    const result = await journal.dispatch('screenings.log', {
      film: { title: 'Shoah' },
      watchedOn: '2026-01-01',
      notes: 'x'.repeat(20_001)
    })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { notes: expect.any(String) } }
    })
  })
})

describe('rewatch detection', () => {
  it('marks a viewing as a rewatch when the film was seen on or before that day', async () => {
    const journal = await openTestJournal()
    const first = await log(journal, { watchedOn: '2025-01-05' })
    expect(first.rewatch).toBe(false)
    const again = await log(journal, { watchedOn: '2026-01-05' })
    expect(again.rewatch).toBe(true)
    const sameDay = await log(journal, { watchedOn: '2026-01-05' })
    expect(sameDay.rewatch).toBe(true)
  })

  it('another film seen before does not count', async () => {
    const journal = await openTestJournal()
    await log(journal, { title: 'Sunrise', watchedOn: '2025-01-05' })
    expect((await log(journal, { title: 'Tabu', watchedOn: '2026-01-05' })).rewatch).toBe(false)
  })

  it('the critic’s own answer wins over the suggestion', async () => {
    const journal = await openTestJournal()
    expect((await log(journal, { rewatch: true })).rewatch).toBe(true)
    expect((await log(journal, { rewatch: false, watchedOn: '2026-03-01' })).rewatch).toBe(false)
  })

  it('logging an older viewing later makes the later viewings rewatches', async () => {
    const journal = await openTestJournal()
    const recent = await log(journal, { watchedOn: '2026-01-05' })
    expect(recent.rewatch).toBe(false)
    const older = await log(journal, { watchedOn: '2019-06-01' })
    expect(older.rewatch).toBe(false)
    expect((await journal.call('screenings.get', { id: recent.id })).rewatch).toBe(true)
  })

  it('a viewing in the trash does not count, and the hint says when the film was last seen', async () => {
    const journal = await openTestJournal()
    const first = await log(journal, { watchedOn: '2024-05-01' })
    const hint = await journal.call('screenings.rewatchHint', {
      workId: first.workId,
      watchedOn: '2026-01-01'
    })
    expect(hint).toEqual({ seenBefore: 1, lastWatchedOn: '2024-05-01' })
    expect(
      await journal.call('screenings.rewatchHint', { workId: first.workId, watchedOn: '2023-01-01' })
    ).toEqual({
      seenBefore: 0,
      lastWatchedOn: null
    })
    expect(
      await journal.call('screenings.rewatchHint', {
        workId: first.workId,
        watchedOn: '2026-01-01',
        excludeId: first.id
      })
    ).toEqual({
      seenBefore: 0,
      lastWatchedOn: null
    })
    await journal.call('screenings.delete', { id: first.id })
    expect(
      (await journal.call('screenings.rewatchHint', { workId: first.workId, watchedOn: '2026-01-01' }))
        .seenBefore
    ).toBe(0)
    expect((await log(journal, { watchedOn: '2026-01-01' })).rewatch).toBe(false)
  })
})

describe('editing a screening', () => {
  it('rewrites every field and keeps the id', async () => {
    const journal = await openTestJournal()
    const entry = await log(journal, { venue: 'Home', tags: ['a'] })
    const edited = await journal.call('screenings.update', {
      id: entry.id,
      film: { workId: entry.workId },
      watchedOn: '2026-02-11',
      venue: 'BFI Southbank',
      format: 'press',
      rating: 3,
      tags: ['b'],
      embargoUntil: '2026-03-01'
    })
    expect(edited).toMatchObject({
      id: entry.id,
      venue: 'BFI Southbank',
      format: 'press',
      rating: 3,
      tags: ['b'],
      watchedOn: '2026-02-11'
    })
    expect(journal.db.prepare('SELECT count(*) AS n FROM screening_tags').get()).toEqual({ n: 1 })
  })

  it('a screening in the trash cannot be edited', async () => {
    const journal = await openTestJournal()
    const entry = await log(journal, {})
    await journal.call('screenings.delete', { id: entry.id })
    const result = await journal.dispatch('screenings.update', {
      id: entry.id,
      film: { workId: entry.workId },
      watchedOn: '2026-01-01'
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('deleting', () => {
  it('moves to the trash, can be undone, and is purged only from the trash', async () => {
    const journal = await openTestJournal()
    const entry = await log(journal, {})
    expect(await journal.dispatch('screenings.purge', { id: entry.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' }
    })
    await journal.call('screenings.delete', { id: entry.id })
    expect(await journal.call('screenings.list')).toEqual([])
    const trash = await journal.call('screenings.list', { scope: 'trash' })
    expect(trash.map((s) => s.id)).toEqual([entry.id])
    expect((trash[0] as { deletedAt?: string }).deletedAt).toMatch(/^\d{4}-/)
    expect(await journal.dispatch('screenings.delete', { id: entry.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })

    const restored = await journal.call('screenings.restore', { id: entry.id })
    expect(restored.id).toBe(entry.id)
    expect((await journal.call('screenings.list')).map((s) => s.id)).toEqual([entry.id])

    await journal.call('screenings.delete', { id: entry.id })
    await journal.call('screenings.purge', { id: entry.id })
    expect(await journal.call('screenings.list', { scope: 'trash' })).toEqual([])
    expect(journal.db.prepare('SELECT count(*) AS n FROM screenings_fts').get()).toEqual({ n: 0 })
  })
})
