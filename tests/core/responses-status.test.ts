import { describe, expect, it } from 'vitest'
import { openTestJournal } from '../support/journal'
import { addHerThread } from './responses-support'

async function herJournal() {
  const journal = await openTestJournal()
  const review = await journal.call('reviews.create', { title: 'Her' })
  const ids = await addHerThread(journal, review.id)
  return { journal, review, ids }
}

const statusOf = async (journal: Awaited<ReturnType<typeof herJournal>>['journal'], id: string) =>
  (await journal.call('responses.list', {})).find((r) => r.id === id)?.status

describe('response statuses', () => {
  it('files readers’ responses as new and marks a response replied when the critic answers it', async () => {
    const { journal, ids } = await herJournal()
    expect(ids.good.status).toBe('new')
    expect(ids.ownA.status).toBe('read')
    expect(await statusOf(journal, ids.skeptic.id)).toBe('replied')
    expect(await statusOf(journal, ids.fan.id)).toBe('replied')
    expect(await statusOf(journal, ids.deep.id)).toBe('new')
  })

  it('files a reader’s response typed in by the critic as read: it is not new to them', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Her' })
    const typed = await journal.call('responses.add', {
      reviewId: review.id,
      authorName: 'Dan',
      body: 'Good review.'
    })
    expect(typed.status).toBe('read')
    expect(await journal.call('responses.unreadCount')).toMatchObject({ unread: 0 })
  })

  it('marks read in bulk, keeps answered ones replied, and reports what it changed for undo', async () => {
    const { journal, ids } = await herJournal()
    await journal.call('responses.setStatus', { ids: [ids.skeptic.id], status: 'new' })
    const result = await journal.call('responses.setStatus', {
      ids: [ids.good.id, ids.skeptic.id, ids.ownA.id],
      status: 'read'
    })
    expect(result.changed.map((c) => [c.id, c.status])).toEqual([
      [ids.good.id, 'new'],
      [ids.skeptic.id, 'new']
    ])
    expect(await statusOf(journal, ids.good.id)).toBe('read')
    expect(await statusOf(journal, ids.skeptic.id)).toBe('replied')
  })

  it('changes nothing when one id of a bulk action is unknown', async () => {
    const { journal, ids } = await herJournal()
    const result = await journal.dispatch('responses.setStatus', {
      ids: [ids.good.id, 'no-such-response'],
      status: 'hidden'
    })
    expect(result.ok || result.error.code).toBe('NOT_FOUND')
    expect(await statusOf(journal, ids.good.id)).toBe('new')
  })

  it('stars responses and lists the starred ones in the inbox', async () => {
    const { journal, ids } = await herJournal()
    await journal.call('responses.setStarred', { ids: [ids.good.id], starred: true })
    const page = await journal.call('responses.inbox', { filter: 'starred' })
    expect(page.items.map((i) => i.id)).toEqual([ids.good.id])
    expect(page.items[0].starred).toBe(true)
  })

  it('lists new responses newest first with their review, in pages, and counts them', async () => {
    const { journal, review, ids } = await herJournal()
    const first = await journal.call('responses.inbox', { limit: 2 })
    expect(first.unread).toBe(3)
    expect(first.total).toBe(3)
    expect(first.items.map((i) => i.id)).toEqual([ids.thanks.id, ids.good.id])
    expect(first.items[0]).toMatchObject({ reviewTitle: 'Her', inReplyTo: 'Critic', reviewId: review.id })
    const second = await journal.call('responses.inbox', { limit: 2, cursor: first.nextCursor! })
    expect(second.items.map((i) => i.id)).toEqual([ids.deep.id])
    expect(second.nextCursor).toBeNull()
    const all = await journal.call('responses.inbox', { filter: 'all', limit: 5 })
    expect(all.total).toBe(7)
    const rest = await journal.call('responses.inbox', { filter: 'all', limit: 5, cursor: all.nextCursor! })
    expect([...all.items, ...rest.items].map((i) => i.receivedAt)).toEqual(
      [...all.items, ...rest.items]
        .map((i) => i.receivedAt)
        .sort()
        .reverse()
    )
    expect(rest.items).toHaveLength(2)
    const bad = await journal.dispatch('responses.inbox', { cursor: 'garbage' })
    expect(bad.ok || bad.error.code).toBe('INVALID_INPUT')
  })

  it('pages through responses received at the same moment without losing or repeating one', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Ties' })
    for (let n = 0; n < 5; n++) {
      await journal.call('responses.add', {
        reviewId: review.id,
        authorName: `R${n}`,
        body: 'Same minute',
        receivedAt: '2020-01-01T10:00Z',
        unread: true
      })
    }
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await journal.call('responses.inbox', { limit: 2, cursor })
      seen.push(...page.items.map((i) => i.authorName))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(seen).toEqual(['R0', 'R1', 'R2', 'R3', 'R4'])
  })

  it('marks all read at once and undoes it', async () => {
    const { journal } = await herJournal()
    const { ids } = await journal.call('responses.markAllRead')
    expect(ids).toHaveLength(3)
    expect((await journal.call('responses.unreadCount')).unread).toBe(0)
    await journal.call('responses.setStatus', { ids, status: 'new' })
    expect((await journal.call('responses.unreadCount')).unread).toBe(3)
  })

  it('leaves responses of a review in the trash out of the inbox and the count', async () => {
    const { journal, review } = await herJournal()
    journal.db
      .prepare('UPDATE reviews SET deleted_at = ? WHERE id = ?')
      .run('2024-01-01T00:00:00Z', review.id)
    expect((await journal.call('responses.unreadCount')).unread).toBe(0)
    expect((await journal.call('responses.inbox', {})).items).toEqual([])
  })
})
