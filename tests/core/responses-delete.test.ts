import { describe, expect, it } from 'vitest'
import { openTestJournal, type TestJournal } from '../support/journal'
import { addHerThread } from './responses-support'

const shape = async (journal: TestJournal, reviewId: string) =>
  (await journal.call('responses.thread', { reviewId })).items.map((i) => [i.authorName, i.depth, i.status])

describe('deleting responses', () => {
  it('keeps the replies of a deleted response, and undo puts everything back as it was', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Her' })
    const ids = await addHerThread(journal, review.id)
    const before = await shape(journal, review.id)

    const result = await journal.call('responses.delete', { ids: [ids.skeptic.id, ids.ownB.id] })
    expect(result.removed.map((r) => r.id)).toEqual([ids.skeptic.id, ids.ownB.id])
    expect(result.reparented).toEqual([
      { id: ids.ownA.id, parentId: ids.skeptic.id },
      { id: ids.thanks.id, parentId: ids.ownB.id }
    ])
    const after = await journal.call('responses.thread', { reviewId: review.id })
    expect(after.items.map((i) => [i.authorName, i.depth])).toEqual([
      ['Critic', 0],
      ['Phips', 1],
      ['Dan', 0],
      ['Lena', 0],
      ['Lena', 1]
    ])
    // Its only answer gone, Lena's comment is no longer "replied".
    expect(after.items.find((i) => i.id === ids.fan.id)?.status).toBe('read')

    await journal.call('responses.restore', { responses: result.removed, reparented: result.reparented })
    expect(await shape(journal, review.id)).toEqual(before)
  })

  it('refuses a restore that would hang a reply on another review or loop, and restores nothing', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Her' })
    const other = await journal.call('reviews.create', { title: 'Other' })
    const elsewhere = await journal.call('responses.add', { reviewId: other.id, authorName: 'X', body: 'Y' })
    const { removed } = await journal.call('responses.delete', {
      ids: [(await journal.call('responses.add', { reviewId: review.id, authorName: 'A', body: 'B' })).id]
    })
    const count = () => (journal.db.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }).n
    const foreign = await journal.dispatch('responses.restore', {
      responses: [{ ...removed[0], parentId: elsewhere.id }]
    })
    expect(foreign.ok || foreign.error.code).toBe('INVALID_INPUT')
    const loop = await journal.dispatch('responses.restore', {
      responses: [
        { ...removed[0], id: 'a', parentId: 'b' },
        { ...removed[0], id: 'b', parentId: 'a' }
      ]
    })
    expect(loop.ok || loop.error.code).toBe('INVALID_INPUT')
    expect(count()).toBe(1)
    await journal.call('responses.restore', { responses: removed })
    expect(count()).toBe(2)
    const again = await journal.dispatch('responses.restore', { responses: removed })
    expect(again.ok || again.error.code).toBe('CONFLICT')
  })
})
