import { afterEach, describe, expect, it, vi } from 'vitest'
import { openTestJournal } from '../support/journal'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'
import { discardsMuch } from '../../src/main/core/reviews/revisions'

afterEach(() => {
  vi.useRealTimers()
})

const LONG = Array.from(
  { length: 12 },
  (_, i) => `Paragraph ${i} of a long review about Her and its lonely city.`
).join('\n\n')

describe('review details', () => {
  it('saves spoilers, responses closed, outlet, URL and target without touching the text', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', {
      title: 'Her',
      body: plainTextToLexical('Keep this.')
    })
    await journal.call('reviews.save', {
      id: review.id,
      hasSpoilers: true,
      responsesClosed: true,
      outlet: ' Sight and Sound ',
      publishedUrl: 'https://example.com/her',
      targetWords: 800
    })
    const after = await journal.call('reviews.get', { id: review.id })
    expect(after).toMatchObject({
      hasSpoilers: true,
      responsesClosed: true,
      outlet: 'Sight and Sound',
      publishedUrl: 'https://example.com/her',
      targetWords: 800,
      text: 'Keep this.'
    })
    expect(journal.events.at(-1)).toEqual({ event: 'data.changed', payload: { kinds: ['reviews'] } })
  })

  it('answers a bad URL or target with a message beside the field and saves nothing', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Her' })
    for (const bad of [
      { publishedUrl: 'javascript:alert(1)' },
      { publishedUrl: 'example.com' },
      { targetWords: 10 },
      { targetWords: 1.5 },
      { outlet: '   ' }
    ]) {
      const result = await journal.dispatch('reviews.save', { id: review.id, title: 'Changed', ...bad })
      expect(result.ok).toBe(false)
      if (!result.ok) expect(Object.keys(result.error.fields ?? {})).toEqual(Object.keys(bad))
    }
    expect((await journal.call('reviews.get', { id: review.id })).title).toBe('Her')
  })
})

describe('status and publication', () => {
  it('keeps a snapshot at each status change and labels the published version', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Her' })
    await journal.call('reviews.save', { id: review.id, body: plainTextToLexical('First draft.') })
    await journal.call('reviews.setStatus', { id: review.id, status: 'ready' })
    const done = await journal.call('reviews.setStatus', {
      id: review.id,
      status: 'published',
      outlet: 'Sight and Sound',
      publishedUrl: 'https://example.com/her',
      publishedOn: '2024-05-02'
    })
    expect(done.review).toMatchObject({
      status: 'published',
      outlet: 'Sight and Sound',
      publishedAt: '2024-05-02'
    })
    const history = await journal.call('reviews.revisions', { id: review.id })
    expect(history.map((r) => [r.reason, r.label])).toEqual([
      ['publish', 'the version that was published to Sight and Sound on 2024-05-02'],
      ['status', 'Marked ready to publish'],
      ['edit', null]
    ])
    const published = await journal.call('reviews.revision', { revisionId: history[0]!.id })
    expect(published.text).toBe('First draft.')
  })

  it('refuses to publish without an outlet, naming the field', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Her' })
    const result = await journal.dispatch('reviews.setStatus', { id: review.id, status: 'published' })
    expect(result.ok ? null : result.error.fields).toEqual({ outlet: expect.any(String) })
    expect((await journal.call('reviews.get', { id: review.id })).status).toBe('draft')
    const badDate = await journal.dispatch('reviews.setStatus', {
      id: review.id,
      status: 'published',
      outlet: 'X',
      publishedOn: '2023-02-30'
    })
    expect(badDate.ok ? null : Object.keys(badDate.error.fields ?? {})).toEqual(['publishedOn'])
  })

  it('clears the publication date when a review goes back to draft', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Her' })
    await journal.call('reviews.setStatus', {
      id: review.id,
      status: 'published',
      outlet: 'Blog',
      publishedOn: '2024-01-01'
    })
    const back = await journal.call('reviews.setStatus', { id: review.id, status: 'draft' })
    expect(back.review).toMatchObject({ status: 'draft', publishedAt: null, outlet: 'Blog' })
  })
})

describe('revision history', () => {
  it('folds edits within five minutes into one snapshot and starts another after', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2024-05-01T10:00:00Z'))
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Her' })
    for (const text of ['One', 'One two', 'One two three'])
      await journal.call('reviews.save', { id: review.id, body: plainTextToLexical(text) })
    expect(await journal.call('reviews.revisions', { id: review.id })).toHaveLength(1)
    vi.setSystemTime(new Date('2024-05-01T10:06:00Z'))
    await journal.call('reviews.save', { id: review.id, body: plainTextToLexical('One two three four') })
    const history = await journal.call('reviews.revisions', { id: review.id })
    expect(history.map((r) => r.wordCount)).toEqual([4, 3])
  })

  it('brings a snapshot up to its last text before the next one starts, however recent the last fold', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2024-05-01T10:00:00Z'))
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Her' })
    await journal.call('reviews.save', { id: review.id, body: plainTextToLexical('One') })
    vi.setSystemTime(new Date('2024-05-01T10:00:05Z'))
    await journal.call('reviews.save', { id: review.id, body: plainTextToLexical('One two') })
    vi.setSystemTime(new Date('2024-05-01T10:07:00Z'))
    await journal.call('reviews.save', { id: review.id, body: plainTextToLexical('Something else entirely') })
    const history = await journal.call('reviews.revisions', { id: review.id })
    expect(history.map((r) => r.wordCount)).toEqual([3, 2])
    const older = await journal.call('reviews.revision', { revisionId: history[1]!.id })
    expect(older.text).toBe('One two')
  })

  it('keeps the text from before an accidental select-all-delete, even seconds later', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Her' })
    await journal.call('reviews.save', { id: review.id, body: plainTextToLexical(LONG) })
    await journal.call('reviews.save', { id: review.id, body: plainTextToLexical('') })
    const history = await journal.call('reviews.revisions', { id: review.id })
    expect(history.map((r) => r.wordCount)).toEqual([0, 144])
    const restored = await journal.call('reviews.restoreRevision', { revisionId: history[1]!.id })
    expect(restored.text).toBe(LONG)
    const after = await journal.call('reviews.revisions', { id: review.id })
    expect(after[0]).toMatchObject({ reason: 'restore', wordCount: 144 })
    expect(after[1]).toMatchObject({ wordCount: 0 })
  })

  it('shows a word-level diff from a revision to the current text', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Her' })
    await journal.call('reviews.save', {
      id: review.id,
      body: plainTextToLexical('A tender film about loneliness.')
    })
    await journal.call('reviews.setStatus', { id: review.id, status: 'ready' })
    await journal.call('reviews.save', {
      id: review.id,
      body: plainTextToLexical('A strange, tender film about loneliness.')
    })
    const [, snapshot] = await journal.call('reviews.revisions', { id: review.id })
    const diff = await journal.call('reviews.revisionDiff', { revisionId: snapshot!.id })
    expect(diff.parts.filter((p) => p.kind !== 'same').map((p) => [p.kind, p.text.trim()])).toEqual([
      ['added', 'strange,']
    ])
    expect(diff).toMatchObject({ added: 1, removed: 0 })
  })

  it('counts removal only outside the common start and end', () => {
    const text = 'x'.repeat(5000)
    expect(discardsMuch(text, text.slice(0, 2500) + 'typed' + text.slice(2500))).toBe(false)
    expect(discardsMuch(text, text.slice(0, 100))).toBe(true)
    expect(discardsMuch('short note here', '')).toBe(false)
    expect(discardsMuch('a'.repeat(60), 'a')).toBe(true)
  })

  it('answers NOT_FOUND for an unknown revision', async () => {
    const journal = await openTestJournal()
    const result = await journal.dispatch('reviews.restoreRevision', { revisionId: 'missing' })
    expect(result.ok ? null : result.error.code).toBe('NOT_FOUND')
  })
})

describe('trash', () => {
  it('moves to the trash, restores, and empties only what is in it', async () => {
    const journal = await openTestJournal()
    const keep = await journal.call('reviews.create', { title: 'Keep' })
    const bin = await journal.call('reviews.create', { title: 'Bin' })
    await journal.call('reviews.trash', { id: bin.id })
    expect((await journal.call('reviews.list', { scope: 'live' })).map((r) => r.title)).toEqual(['Keep'])
    expect((await journal.call('reviews.list', { scope: 'trash' })).map((r) => r.title)).toEqual(['Bin'])
    await journal.call('reviews.restore', { id: bin.id })
    expect(await journal.call('reviews.list', { scope: 'trash' })).toEqual([])
    await journal.call('reviews.trash', { id: bin.id })
    expect(await journal.call('reviews.emptyTrash', {})).toEqual({ deleted: 1 })
    expect((await journal.dispatch('reviews.get', { id: bin.id })).ok).toBe(false)
    expect((await journal.call('reviews.get', { id: keep.id })).title).toBe('Keep')
  })

  it('hides a trashed review from search and refuses to delete a live one for good', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', {
      title: 'Zabriskie',
      body: plainTextToLexical('Antonioni desert')
    })
    const live = await journal.dispatch('reviews.deleteForever', { id: review.id })
    expect(live.ok ? null : live.error.code).toBe('CONFLICT')
    await journal.call('reviews.trash', { id: review.id })
    const hits = journal.db
      .prepare(`SELECT count(*) AS n FROM reviews_fts WHERE reviews_fts MATCH 'antonioni'`)
      .get() as { n: number }
    expect(hits.n).toBe(0)
    await journal.call('reviews.deleteForever', { id: review.id })
    expect(await journal.call('reviews.list', { scope: 'trash' })).toEqual([])
  })
})
