import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { openTestJournal, tempDir } from '../support/journal'
import { exportHere } from './archive.support'

/** A journal with one published review answered once by the critic. */
async function answeredReview() {
  const journal = await openTestJournal()
  const review = await journal.call('reviews.create', { title: 'Her' })
  const reader = await journal.call('responses.add', {
    reviewId: review.id,
    authorName: 'Dan',
    body: 'Good review.'
  })
  return { journal, review, reader }
}

describe('the critic’s name in Preferences', () => {
  it('starts blank, and the reply form is offered no made-up signature ("You")', async () => {
    const { journal, review } = await answeredReview()
    expect((await journal.call('settings.get')).criticName).toBe('')
    expect((await journal.call('responses.thread', { reviewId: review.id })).ownName).toBe('')
  })

  it('signs the critic’s replies once set, over the name of an older reply', async () => {
    const { journal, review, reader } = await answeredReview()
    await journal.call('responses.add', {
      reviewId: review.id,
      parentId: reader.id,
      isOwnReply: true,
      authorName: 'Old Name',
      body: 'Thanks!'
    })
    await journal.call('settings.update', { criticName: '  Ana Lima ' })
    expect((await journal.call('settings.get')).criticName).toBe('Ana Lima')
    expect((await journal.call('responses.thread', { reviewId: review.id })).ownName).toBe('Ana Lima')
  })

  it('is the author of a WordPress export and of Markdown files', async () => {
    const { journal } = await answeredReview()
    await journal.call('settings.update', { criticName: 'Ana Lima' })
    const wxr = join(tempDir(), 'journal.xml')
    await exportHere(journal.db, 'wxr', wxr)
    const xml = readFileSync(wxr, 'utf8')
    expect(xml).toContain('<wp:author_login><![CDATA[ana-lima]]></wp:author_login>')
    expect(xml).toContain('<wp:author_display_name><![CDATA[Ana Lima]]></wp:author_display_name>')
    expect(xml).toContain('<dc:creator><![CDATA[ana-lima]]></dc:creator>')
    expect(xml).not.toContain('CDATA[critic]')
    const folder = join(tempDir(), 'md')
    await exportHere(journal.db, 'markdown', folder)
    const { readdirSync } = await import('node:fs')
    const file = readdirSync(folder).find((f) => f.endsWith('.md'))!
    expect(readFileSync(join(folder, file), 'utf8')).toContain('author: "Ana Lima"')
  })

  it('refuses a name longer than 200 characters, saying why', async () => {
    const journal = await openTestJournal()
    const result = await journal.dispatch('settings.update', { criticName: 'x'.repeat(201) })
    expect(result.ok ? 'ok' : result.error.message).toMatch(/at most 200 characters/)
  })
})
