import { describe, expect, it } from 'vitest'
import { openTestJournal, type TestJournal } from '../support/journal'
import { isEmbargoBroken } from '../../src/shared/contract/screenings'

function publish(journal: TestJournal, reviewId: string, publishedAt: string | null) {
  journal.db
    .prepare("UPDATE reviews SET status = 'published', published_at = ? WHERE id = ?")
    .run(publishedAt, reviewId)
}

async function pressScreening(journal: TestJournal, embargoUntil: string | null = '2026-05-20') {
  return journal.call('screenings.log', {
    film: { title: 'Anora', year: 2024 },
    watchedOn: '2026-05-01',
    format: 'press',
    rating: 4,
    embargoUntil
  })
}

describe('writing a review from a screening', () => {
  it('creates a review of that film, linked to the screening, carrying its rating', async () => {
    const journal = await openTestJournal()
    const screening = await pressScreening(journal)
    const { reviewId, created } = await journal.call('screenings.startReview', { id: screening.id })
    expect(created).toBe(true)
    const review = await journal.call('reviews.get', { id: reviewId })
    expect(review).toMatchObject({ workId: screening.workId, title: 'Anora', rating: 4, status: 'draft' })
    const linked = await journal.call('screenings.get', { id: screening.id })
    expect(linked).toMatchObject({ reviewId, reviewTitle: 'Anora', reviewStatus: 'draft' })
    expect((await journal.call('screenings.forReview', { reviewId })).map((s) => s.id)).toEqual([
      screening.id
    ])
  })

  it('opens the review it already led to instead of making a second', async () => {
    const journal = await openTestJournal()
    const screening = await pressScreening(journal)
    const first = await journal.call('screenings.startReview', { id: screening.id })
    const again = await journal.call('screenings.startReview', { id: screening.id })
    expect(again).toEqual({ reviewId: first.reviewId, created: false })
    expect(journal.db.prepare('SELECT count(*) AS n FROM reviews').get()).toEqual({ n: 1 })
  })

  it('a review can come from several screenings, and a screening can be unlinked', async () => {
    const journal = await openTestJournal()
    const press = await pressScreening(journal)
    const { reviewId } = await journal.call('screenings.startReview', { id: press.id })
    const second = await journal.call('screenings.log', {
      film: { workId: press.workId },
      watchedOn: '2026-06-01'
    })
    await journal.call('screenings.link', { id: second.id, reviewId })
    expect((await journal.call('screenings.forReview', { reviewId })).map((s) => s.watchedOn)).toEqual([
      '2026-05-01',
      '2026-06-01'
    ])
    await journal.call('screenings.link', { id: press.id, reviewId: null })
    expect((await journal.call('screenings.forReview', { reviewId })).map((s) => s.id)).toEqual([second.id])
  })

  it('refuses to link a review of another film', async () => {
    const journal = await openTestJournal()
    const press = await pressScreening(journal)
    const other = await journal.call('screenings.log', { film: { title: 'Flow' }, watchedOn: '2026-01-01' })
    const { reviewId } = await journal.call('screenings.startReview', { id: other.id })
    expect(await journal.dispatch('screenings.link', { id: press.id, reviewId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' }
    })
    expect((await journal.call('screenings.get', { id: press.id })).reviewId).toBeNull()
  })

  it('a screening in the trash cannot start a review', async () => {
    const journal = await openTestJournal()
    const press = await pressScreening(journal)
    await journal.call('screenings.delete', { id: press.id })
    expect(await journal.dispatch('screenings.startReview', { id: press.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })
    expect(journal.db.prepare('SELECT count(*) AS n FROM reviews').get()).toEqual({ n: 0 })
  })
})

describe('the embargo warning', () => {
  it('warns when the linked review was published before the embargo date', async () => {
    const journal = await openTestJournal()
    const press = await pressScreening(journal, '2026-05-20')
    const { reviewId } = await journal.call('screenings.startReview', { id: press.id })
    expect((await journal.call('screenings.get', { id: press.id })).embargoBroken).toBe(false)
    publish(journal, reviewId, '2026-05-19T23:00:00.000Z')
    expect((await journal.call('screenings.get', { id: press.id })).embargoBroken).toBe(true)
    expect((await journal.call('screenings.forReview', { reviewId }))[0].embargoBroken).toBe(true)
    expect((await journal.call('screenings.diaryPage', { offset: 0, limit: 10 }))[0].embargoBroken).toBe(true)
  })

  it('does not warn for a review published on or after the embargo date, or with no embargo', async () => {
    const journal = await openTestJournal()
    const press = await pressScreening(journal, '2026-05-20')
    const { reviewId } = await journal.call('screenings.startReview', { id: press.id })
    publish(journal, reviewId, '2026-05-20T06:00:00.000Z')
    expect((await journal.call('screenings.get', { id: press.id })).embargoBroken).toBe(false)
    const open = await pressScreening(journal, null)
    const other = await journal.call('screenings.startReview', { id: open.id })
    publish(journal, other.reviewId, '2020-01-01T00:00:00.000Z')
    expect((await journal.call('screenings.get', { id: open.id })).embargoBroken).toBe(false)
  })

  it('follows the review through publishing and back to draft', async () => {
    const journal = await openTestJournal()
    const press = await pressScreening(journal, '2026-05-20')
    const { reviewId } = await journal.call('screenings.startReview', { id: press.id })
    await journal.call('reviews.setStatus', {
      id: reviewId,
      status: 'published',
      outlet: 'The Paper',
      publishedOn: '2026-05-18'
    })
    expect((await journal.call('screenings.forReview', { reviewId }))[0]).toMatchObject({
      reviewStatus: 'published',
      embargoBroken: true
    })
    await journal.call('reviews.setStatus', { id: reviewId, status: 'draft' })
    expect((await journal.call('screenings.forReview', { reviewId }))[0].embargoBroken).toBe(false)
    await journal.call('reviews.setStatus', {
      id: reviewId,
      status: 'published',
      outlet: 'The Paper',
      publishedOn: '2026-05-20'
    })
    expect((await journal.call('screenings.forReview', { reviewId }))[0].embargoBroken).toBe(false)
  })

  it('the rule: only published reviews; no publish time counts as today', () => {
    expect(isEmbargoBroken('2026-05-20', 'draft', null, '2026-05-01')).toBe(false)
    expect(isEmbargoBroken('2026-05-20', 'ready', null, '2026-05-01')).toBe(false)
    expect(isEmbargoBroken('2026-05-20', 'published', null, '2026-05-01')).toBe(true)
    expect(isEmbargoBroken('2026-05-20', 'published', null, '2026-05-20')).toBe(false)
    expect(isEmbargoBroken(null, 'published', '2026-01-01T00:00:00Z')).toBe(false)
    expect(isEmbargoBroken('2026-05-20', null, null)).toBe(false)
  })
})

describe('the film page', () => {
  it('gathers every screening and review, the first and latest viewing and the ratings over time', async () => {
    const journal = await openTestJournal()
    const press = await pressScreening(journal)
    const { reviewId } = await journal.call('screenings.startReview', { id: press.id })
    publish(journal, reviewId, '2026-05-21T09:00:00.000Z')
    await journal.call('reviews.save', { id: reviewId, rating: 4.5 })
    await journal.call('screenings.log', {
      film: { workId: press.workId },
      watchedOn: '2026-08-09',
      rating: 5
    })
    await journal.call('screenings.log', { film: { workId: press.workId }, watchedOn: '2025-01-01' })
    const gone = await journal.call('screenings.log', {
      film: { workId: press.workId },
      watchedOn: '2027-01-01',
      rating: 1
    })
    await journal.call('screenings.delete', { id: gone.id })
    await journal.call('screenings.log', {
      film: { title: 'Other film' },
      watchedOn: '2026-01-01',
      rating: 2
    })

    const film = await journal.call('screenings.film', { workId: press.workId })
    expect(film.work.title).toBe('Anora')
    expect(film.screenings.map((s) => s.watchedOn)).toEqual(['2025-01-01', '2026-05-01', '2026-08-09'])
    expect(film.firstViewing).toBe('2025-01-01')
    expect(film.latestViewing).toBe('2026-08-09')
    expect(film.reviews.map((r) => r.id)).toEqual([reviewId])
    expect(film.reviews[0]).not.toHaveProperty('body')
    expect(film.ratings.map((r) => [r.on, r.rating, r.source])).toEqual([
      ['2026-05-01', 4, 'screening'],
      ['2026-05-21', 4.5, 'review'],
      ['2026-08-09', 5, 'screening']
    ])
  })

  it('a film never seen has an empty history, and an unknown film is NOT_FOUND', async () => {
    const journal = await openTestJournal()
    const work = await journal.call('works.create', { title: 'Unseen' })
    expect(await journal.call('screenings.film', { workId: work.id })).toMatchObject({
      screenings: [],
      reviews: [],
      firstViewing: null,
      latestViewing: null,
      ratings: []
    })
    expect(await journal.dispatch('screenings.film', { workId: 'missing' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })
  })
})
