import { describe, expect, it } from 'vitest'
import { openTestJournal, type TestJournal } from '../support/journal'
import { addHerThread } from './responses-support'

const count = (journal: TestJournal) =>
  (journal.db.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }).n

async function closedReview(journal: TestJournal) {
  const review = await journal.call('reviews.create', { title: 'Closed' })
  // Closing is the review editor's switch; set the column directly so this test stands alone.
  journal.db.prepare('UPDATE reviews SET responses_closed = 1 WHERE id = ?').run(review.id)
  return review
}

describe('responses on a closed review', () => {
  it('refuses a reader’s response with a message the form can show, and changes nothing', async () => {
    const journal = await openTestJournal()
    const review = await closedReview(journal)
    const result = await journal.dispatch('responses.add', {
      reviewId: review.id,
      authorName: 'Reader',
      body: 'Hello'
    })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('CONFLICT')
      expect(result.error.message).toMatch(/Comments are closed/)
      expect(result.error.fields?.responsesClosed).toBeTruthy()
    }
    expect(count(journal)).toBe(0)
  })

  it('still takes the critic’s own notes and replies', async () => {
    const journal = await openTestJournal()
    const review = await closedReview(journal)
    const note = await journal.call('responses.add', {
      reviewId: review.id,
      authorName: 'Me',
      body: 'A note',
      isOwnReply: true
    })
    expect(note.isOwnReply).toBe(true)
    const thread = await journal.call('responses.thread', { reviewId: review.id })
    expect(thread.responsesClosed).toBe(true)
    expect(thread.items).toHaveLength(1)
  })
})

describe('bad input for responses', () => {
  async function fresh() {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Her' })
    return { journal, review }
  }

  it('refuses an empty author or body, naming the field', async () => {
    const { journal, review } = await fresh()
    for (const [input, field] of [
      [{ authorName: '   ', body: 'Text' }, 'authorName'],
      [{ authorName: 'Ann', body: ' \n\n \r\n ' }, 'body']
    ] as const) {
      const result = await journal.dispatch('responses.add', { reviewId: review.id, ...input })
      expect(result.ok || result.error.code).toBe('INVALID_INPUT')
      if (!result.ok) expect(result.error.fields?.[field]).toBeTruthy()
    }
    expect(count(journal)).toBe(0)
  })

  it('refuses dates that do not parse or do not exist', async () => {
    const { journal, review } = await fresh()
    for (const receivedAt of ['yesterday', '2023-02-30', '1', '2014-13-01T10:00', '12/01/2014']) {
      const result = await journal.dispatch('responses.add', {
        reviewId: review.id,
        authorName: 'A',
        body: 'B',
        receivedAt
      })
      expect(result.ok || result.error.fields?.receivedAt).toMatch(/could not be read/)
    }
    const ok = await journal.call('responses.add', {
      reviewId: review.id,
      authorName: 'A',
      body: 'B',
      receivedAt: '2014-01-12T10:30+01:00'
    })
    expect(ok.receivedAt).toBe('2014-01-12T09:30:00.000Z')
    expect(count(journal)).toBe(1)
  })

  it('refuses a reply to a response of another review', async () => {
    const { journal, review } = await fresh()
    const other = await journal.call('reviews.create', { title: 'Other' })
    const there = await journal.call('responses.add', { reviewId: other.id, authorName: 'A', body: 'B' })
    const result = await journal.dispatch('responses.add', {
      reviewId: review.id,
      parentId: there.id,
      authorName: 'C',
      body: 'D'
    })
    expect(result.ok || result.error.fields?.parentId).toMatch(/same review/)
    expect(count(journal)).toBe(1)
  })

  it('refuses a move that would make a loop of parents, and keeps the thread as it was', async () => {
    const { journal, review } = await fresh()
    const ids = await addHerThread(journal, review.id)
    for (const parentId of [ids.skeptic.id, ids.deep.id]) {
      const result = await journal.dispatch('responses.update', { id: ids.skeptic.id, parentId })
      expect(result.ok || result.error.fields?.parentId).toMatch(/cannot reply to itself/)
    }
    const moved = await journal.call('responses.update', { id: ids.deep.id, parentId: ids.good.id })
    expect(moved.parentId).toBe(ids.good.id)
    const unchanged = await journal.call('responses.list', { reviewId: review.id })
    expect(unchanged.find((r) => r.id === ids.skeptic.id)?.parentId).toBeNull()
  })

  it('checks links and email addresses, keeps paragraphs and clears blank optional fields', async () => {
    const { journal, review } = await fresh()
    const bad = await journal.dispatch('responses.add', {
      reviewId: review.id,
      authorName: 'A',
      body: 'B',
      authorUrl: 'javascript:alert(1)'
    })
    expect(bad.ok || bad.error.fields?.authorUrl).toMatch(/web address/)
    const badEmail = await journal.dispatch('responses.add', {
      reviewId: review.id,
      authorName: 'A',
      body: 'B',
      authorEmail: 'not-an-email'
    })
    expect(badEmail.ok || badEmail.error.fields?.authorEmail).toMatch(/email/)
    const added = await journal.call('responses.add', {
      reviewId: review.id,
      authorName: 'Phips',
      authorUrl: 'example.org/phips',
      authorEmail: '',
      body: 'First paragraph.\r\n\r\n\r\n\r\nSecond paragraph,  \r\nsame paragraph.'
    })
    expect(added.authorUrl).toBe('https://example.org/phips')
    expect(added.authorEmail).toBeNull()
    expect(added.body).toBe('First paragraph.\n\nSecond paragraph,\nsame paragraph.')
    const edited = await journal.call('responses.update', { id: added.id, authorName: 'Phips B.' })
    expect(edited.authorUrl).toBe('https://example.org/phips')
  })

  it('refuses a huge body and a bulk action over the limit with one message', async () => {
    const { journal, review } = await fresh()
    const huge = await journal.dispatch('responses.add', {
      reviewId: review.id,
      authorName: 'A',
      body: 'x'.repeat(150_000)
    })
    expect(huge.ok || huge.error.message).toMatch(/at most 100,000/)
    const many = await journal.dispatch('responses.setStatus', {
      ids: Array.from({ length: 5001 }, (_, i) => `id${i}`),
      status: 'read'
    })
    expect(many.ok || many.error.code).toBe('INVALID_INPUT')
    const unknown = await journal.dispatch('responses.add', {
      reviewId: review.id,
      authorName: 'A',
      body: 'B',
      status: 'read'
    })
    expect(unknown.ok || unknown.error.code).toBe('INVALID_INPUT')
    expect(count(journal)).toBe(0)
  })
})
