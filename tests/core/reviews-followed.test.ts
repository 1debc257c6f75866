import { describe, expect, it } from 'vitest'
import { openTestJournal, type TestJournal } from '../support/journal'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'
import { transaction } from '../../src/main/core/db/connection'
import { reviewText, updateReview } from '../../src/main/core/stores/reviews'

/** Writes a body the way a sync round lands another computer's text: through the review store. */
function landFromAnotherComputer(journal: TestJournal, id: string, text: string): void {
  transaction(journal.db, () =>
    updateReview(journal.db, id, {
      ...reviewText(plainTextToLexical(text)),
      updated_at: new Date().toISOString()
    })
  )
}

async function revisionTexts(journal: TestJournal, id: string): Promise<string[]> {
  const history = await journal.call('reviews.revisions', { id })
  return Promise.all(
    history.map(async (r) => (await journal.call('reviews.revision', { revisionId: r.id })).text)
  )
}

describe('a save based on an older body', () => {
  it('keeps the text another computer wrote meanwhile as a revision, and says so', async () => {
    const journal = await openTestJournal()
    const created = await journal.call('reviews.create', { title: 'Stalker' })
    const first = await journal.call('reviews.save', {
      id: created.id,
      body: plainTextToLexical('The Zone.')
    })
    const opened = await journal.call('reviews.get', { id: created.id })
    expect(opened.bodyVersion).toBe(first.bodyVersion)

    landFromAnotherComputer(journal, created.id, 'The Zone. Written on the laptop.')
    expect((await journal.call('reviews.get', { id: created.id })).bodyVersion).not.toBe(first.bodyVersion)

    const saved = await journal.call('reviews.save', {
      id: created.id,
      body: plainTextToLexical('The Zone. Typed on the desktop.'),
      baseVersion: first.bodyVersion
    })
    expect(saved.keptOther).toBe(true)
    const now = await journal.call('reviews.get', { id: created.id })
    expect(now.text).toBe('The Zone. Typed on the desktop.')
    expect(saved.bodyVersion).toBe(now.bodyVersion)

    const history = await journal.call('reviews.revisions', { id: created.id })
    const kept = history.find((r) => r.label?.includes('another computer'))
    expect(kept, 'a revision labelled as the other computer’s version').toBeDefined()
    expect((await journal.call('reviews.revision', { revisionId: kept!.id })).text).toBe(
      'The Zone. Written on the laptop.'
    )
    expect(await revisionTexts(journal, created.id)).toContain('The Zone. Typed on the desktop.')
  })

  it('keeps the other text even when the next edit follows at once', async () => {
    const journal = await openTestJournal()
    const created = await journal.call('reviews.create', { title: 'Solaris' })
    const first = await journal.call('reviews.save', { id: created.id, body: plainTextToLexical('Ocean.') })
    landFromAnotherComputer(journal, created.id, 'Ocean. From the laptop.')
    const saved = await journal.call('reviews.save', {
      id: created.id,
      body: plainTextToLexical('Ocean. Desk.'),
      baseVersion: first.bodyVersion
    })
    await journal.call('reviews.save', {
      id: created.id,
      body: plainTextToLexical('Ocean. Desk. More.'),
      baseVersion: saved.bodyVersion
    })
    await journal.call('reviews.checkpoint', { id: created.id })
    expect(await revisionTexts(journal, created.id)).toContain('Ocean. From the laptop.')
  })
})

describe('a save based on the current body', () => {
  it('keeps no extra revision and answers keptOther false', async () => {
    const journal = await openTestJournal()
    const created = await journal.call('reviews.create', { title: 'Mirror' })
    const first = await journal.call('reviews.save', { id: created.id, body: plainTextToLexical('Wind.') })
    const before = await journal.call('reviews.revisions', { id: created.id })
    const saved = await journal.call('reviews.save', {
      id: created.id,
      body: plainTextToLexical('Wind in the grass.'),
      baseVersion: first.bodyVersion
    })
    expect(saved.keptOther).toBe(false)
    const after = await journal.call('reviews.revisions', { id: created.id })
    expect(after).toHaveLength(before.length)
    expect(after.some((r) => r.label !== null)).toBe(false)
  })

  it('without a baseVersion writes as before, even over a newer body', async () => {
    const journal = await openTestJournal()
    const created = await journal.call('reviews.create', { title: 'Nostalghia' })
    await journal.call('reviews.save', { id: created.id, body: plainTextToLexical('Candle.') })
    landFromAnotherComputer(journal, created.id, 'Candle. Laptop.')
    const saved = await journal.call('reviews.save', { id: created.id, body: plainTextToLexical('Pool.') })
    expect(saved.keptOther).toBe(false)
    const history = await journal.call('reviews.revisions', { id: created.id })
    expect(history.some((r) => r.label !== null)).toBe(false)
  })

  it('refuses a baseVersion that is not a short string', async () => {
    const journal = await openTestJournal()
    const created = await journal.call('reviews.create', { title: 'Ivan' })
    const result = await journal.dispatch('reviews.save', {
      id: created.id,
      body: plainTextToLexical('x'),
      baseVersion: 'v'.repeat(65)
    })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT')
    expect((await journal.call('reviews.get', { id: created.id })).text).toBe('')
  })
})
