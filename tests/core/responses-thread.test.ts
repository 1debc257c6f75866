import { describe, expect, it } from 'vitest'
import { openTestJournal } from '../support/journal'
import { addHerThread } from './responses-support'
import { arrangeThread } from '../../src/main/core/responses/thread'
import type { ReaderResponse } from '../../src/shared/domain'

async function herJournal() {
  const journal = await openTestJournal()
  const review = await journal.call('reviews.create', { title: 'Her' })
  const ids = await addHerThread(journal, review.id)
  return { journal, review, ids }
}

describe('response threads', () => {
  it('nests replies under their parents, oldest sibling first, at any depth', async () => {
    const { journal, review } = await herJournal()
    const thread = await journal.call('responses.thread', { reviewId: review.id })
    expect(thread.items.map((i) => [i.depth, i.authorName, i.isOwnReply])).toEqual([
      [0, 'Phips', false],
      [1, 'Critic', true],
      [2, 'Phips', false],
      [0, 'Dan', false],
      [0, 'Lena', false],
      [1, 'Critic', true],
      [2, 'Lena', false]
    ])
    expect(thread.items[2].inReplyTo).toMatchObject({ authorName: 'Critic', shown: true })
    expect(thread.items[0].inReplyTo).toBeNull()
    expect(thread.counts).toEqual({ total: 7, new: 3, hidden: 0, spam: 0 })
    expect(thread.ownName).toBe('Critic')
  })

  it('orders siblings by when they were received, not when they were typed in', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Order' })
    await journal.call('responses.add', {
      reviewId: review.id,
      authorName: 'Late',
      body: 'b',
      receivedAt: '2020-05-02'
    })
    await journal.call('responses.add', {
      reviewId: review.id,
      authorName: 'Early',
      body: 'a',
      receivedAt: '2020-05-01'
    })
    const thread = await journal.call('responses.thread', { reviewId: review.id })
    expect(thread.items.map((i) => i.authorName)).toEqual(['Early', 'Late'])
  })

  it('keeps the replies of a hidden response visible, reachable and naming whom they answer', async () => {
    const { journal, review, ids } = await herJournal()
    await journal.call('responses.setStatus', { ids: [ids.skeptic.id], status: 'hidden' })
    const thread = await journal.call('responses.thread', { reviewId: review.id })
    expect(thread.items.map((i) => i.id)).not.toContain(ids.skeptic.id)
    const reply = thread.items.find((i) => i.id === ids.ownA.id)!
    expect(reply.depth).toBe(0)
    expect(reply.inReplyTo).toEqual({ id: ids.skeptic.id, authorName: 'Phips', shown: false })
    expect(thread.items.find((i) => i.id === ids.deep.id)?.depth).toBe(1)
    expect(thread.counts.hidden).toBe(1)

    const all = await journal.call('responses.thread', { reviewId: review.id, showHidden: true })
    expect(all.items.map((i) => [i.id, i.depth]).slice(0, 3)).toEqual([
      [ids.skeptic.id, 0],
      [ids.ownA.id, 1],
      [ids.deep.id, 2]
    ])
    expect(all.items[1].inReplyTo?.shown).toBe(true)
  })

  it('leaves spam out unless asked for it', async () => {
    const { journal, review, ids } = await herJournal()
    await journal.call('responses.setStatus', { ids: [ids.good.id], status: 'spam' })
    const thread = await journal.call('responses.thread', { reviewId: review.id })
    expect(thread.items).toHaveLength(6)
    const withSpam = await journal.call('responses.thread', { reviewId: review.id, showSpam: true })
    expect(withSpam.items.find((i) => i.id === ids.good.id)?.status).toBe('spam')
  })

  it('walks a chain thousands deep and shows a loop of parents instead of hanging', () => {
    const base = {
      reviewId: 'r',
      authorEmail: null,
      authorUrl: null,
      body: 'x',
      status: 'new',
      isOwnReply: false,
      starred: false
    } as const
    const at = (n: number) => ({ receivedAt: String(n), createdAt: '', updatedAt: '' })
    const chain: ReaderResponse[] = Array.from({ length: 5000 }, (_, n) => ({
      ...base,
      ...at(n),
      id: `c${n}`,
      parentId: n === 0 ? null : `c${n - 1}`,
      authorName: `A${n}`
    }))
    const items = arrangeThread(chain, { showHidden: false, showSpam: false })
    expect(items[4999].depth).toBe(4999)

    const loop: ReaderResponse[] = [
      { ...base, ...at(1), id: 'a', parentId: 'b', authorName: 'A' },
      { ...base, ...at(2), id: 'b', parentId: 'a', authorName: 'B' },
      { ...base, ...at(3), id: 'c', parentId: 'missing', authorName: 'C' }
    ]
    const arranged = arrangeThread(loop, { showHidden: false, showSpam: false })
    expect(arranged.map((i) => [i.id, i.depth])).toEqual([
      ['c', 0],
      ['a', 0],
      ['b', 1]
    ])
  })

  it('indexes responses for full-text search', async () => {
    const { journal, ids } = await herJournal()
    const hits = journal.db
      .prepare(
        "SELECT p.id AS ref_id FROM responses_fts f JOIN responses p ON p.rid = f.rowid WHERE responses_fts MATCH 'skeptical'"
      )
      .all()
    expect(hits).toEqual([{ ref_id: ids.skeptic.id }])
    await journal.call('responses.update', { id: ids.skeptic.id, body: 'Now convinced.' })
    expect(
      journal.db
        .prepare(
          "SELECT p.id AS ref_id FROM responses_fts f JOIN responses p ON p.rid = f.rowid WHERE responses_fts MATCH 'skeptical'"
        )
        .all()
    ).toEqual([])
  })

  it('keeps the fields the command line promises in responses.list', async () => {
    const { journal, review } = await herJournal()
    const [first] = await journal.call('responses.list', { reviewId: review.id })
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining([
        'id',
        'reviewId',
        'parentId',
        'authorName',
        'authorEmail',
        'authorUrl',
        'body',
        'receivedAt',
        'status',
        'isOwnReply'
      ])
    )
  })
})
