import { describe, expect, it } from 'vitest'
import type { EditableReview } from '../../../../shared/contract/reviews'
import { plainTextToLexical } from '../../../../shared/conversions/plainText'
import { baseOf, followStored, noteSaved, ownWrite } from './journalBase'

/** A stored review as `reviews.get` answers it, holding only what the follower compares. */
function stored(text: string, bodyVersion: string, patch: Partial<EditableReview> = {}): EditableReview {
  return {
    title: 'Her',
    workId: null,
    rating: null,
    tags: [],
    hasSpoilers: false,
    responsesClosed: false,
    standfirst: null,
    targetWords: null,
    status: 'draft',
    outlet: null,
    publishedUrl: null,
    publishedAt: null,
    password: null,
    body: plainTextToLexical(text),
    bodyVersion,
    ...patch
  } as EditableReview
}

describe('following the stored review', () => {
  it('shows text another writer stored, and not the text this editor saved', () => {
    const base = baseOf(stored('A tender film.', 'v1'))
    const own = plainTextToLexical('A tender film. Mine.')
    noteSaved(base, JSON.stringify(own), 'v2')
    expect(followStored(base, stored('A tender film. Mine.', 'v2')).body).toBe(false)
    expect(followStored(base, stored('A tender film. Theirs.', 'v3')).body).toBe(true)
  })

  it('takes details as stored on the first read after an own write, and shows later changes', async () => {
    const base = baseOf(stored('Text.', 'v1'))
    const writing = ownWrite(base, async () => {
      expect(base.writing).toBe(1)
      return 'ready'
    })
    await expect(writing).resolves.toBe('ready')
    expect(base.writing).toBe(0)
    expect(followStored(base, stored('Text.', 'v1', { status: 'ready' })).details).toBe(false)
    expect(followStored(base, stored('Text.', 'v1', { standfirst: 'A war film.' })).details).toBe(true)
  })

  it('counts a failed own write as done', async () => {
    const base = baseOf(stored('Text.', 'v1'))
    await expect(ownWrite(base, () => Promise.reject(new Error('refused')))).rejects.toThrow('refused')
    expect(base.writing).toBe(0)
    expect(base.saves).toBe(1)
  })
})
