import { describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Db } from '../../src/main/core/db/connection'
import { openTestJournal, tempDir } from '../support/journal'
import { importHere, snapshot } from './archive.support'

const blog = resolve(__dirname, '../fixtures/wxr/film-blog.xml')

interface ResponseRow {
  source_key: string
  parent_key: string | null
  author_name: string
  author_email: string | null
  author_url: string | null
  body: string
  status: string
  is_own_reply: number
}

function responses(db: Db): ResponseRow[] {
  return db
    .prepare(
      `SELECT r.source_key, p.source_key AS parent_key, r.author_name, r.author_email, r.author_url, r.body, r.status, r.is_own_reply
       FROM responses r LEFT JOIN responses p ON p.id = r.parent_id ORDER BY r.source_key`
    )
    .all() as ResponseRow[]
}

function review(db: Db, key: string) {
  return db
    .prepare(
      `SELECT title, status, slug, outlet, published_url, published_at, created_at, updated_at, responses_closed, body, body_text,
        (SELECT group_concat(t.name, '|') FROM review_tags x JOIN tags t ON t.id = x.tag_id WHERE x.review_id = reviews.id) AS tags
       FROM reviews WHERE source_key = ?`
    )
    .get(key) as Record<string, string | number | null>
}

describe('WordPress (WXR) import', () => {
  it('recognises the file and turns posts into reviews with status, dates, slug and tags', async () => {
    const journal = await openTestJournal()
    const { report } = await importHere(journal.db, journal.dataDir, blog)
    expect(report.format).toBe('wxr')
    expect(report.problems).toEqual([])
    expect(report.counts.review.created).toBe(3)
    const her = review(journal.db, 'wxr:frames.example.org:post:12')
    expect(her).toMatchObject({
      title: 'Her: a love story for the lonely',
      status: 'published',
      slug: 'her',
      outlet: 'Frames & Reels',
      published_url: 'https://frames.example.org/2014/01/her/',
      published_at: '2014-01-18T20:15:00.000Z',
      created_at: '2014-01-18T20:15:00.000Z',
      updated_at: '2014-01-20T09:00:00.000Z',
      responses_closed: 1
    })
    // Categories and tags become tags; "Uncategorized" and post formats do not.
    expect(String(her.tags).split('|').sort()).toEqual(['Reviews', 'Romance', 'Sci-fi & future'])
    expect(review(journal.db, 'wxr:frames.example.org:post:20')).toMatchObject({
      status: 'draft',
      published_url: null,
      created_at: '2023-02-01T18:00:00.000Z'
    })
    expect(review(journal.db, 'wxr:frames.example.org:post:21')).toMatchObject({
      status: 'ready',
      tags: 'Tár'
    })
  })

  it('converts the HTML body: paragraphs from blank lines, line breaks, heading, quote, list, link, emphasis', async () => {
    const journal = await openTestJournal()
    await importHere(journal.db, journal.dataDir, blog)
    const her = review(journal.db, 'wxr:frames.example.org:post:12')
    const blocks = (JSON.parse(String(her.body)) as { root: { children: { type: string; tag?: string }[] } })
      .root.children
    expect(blocks.map((b) => (b.type === 'heading' ? b.tag : b.type))).toEqual([
      'paragraph',
      'paragraph',
      'h2',
      'quote',
      'list',
      'paragraph'
    ])
    const json = String(her.body)
    expect(json).toContain('"format":2') // <em>Her</em>
    expect(json).toContain('"format":1') // <strong>
    expect(json).toContain('"url":"https://example.org/interview"')
    expect(her.body_text).toContain('a companion.\nIts city')
    // A "]]>" split across two CDATA sections comes back whole.
    expect(her.body_text).toContain('A closing ]]> stays.')
    // A javascript: link survives only as its text.
    const draft = review(journal.db, 'wxr:frames.example.org:post:20')
    expect(draft.body_text).toBe('A father, a daughter, a holiday.')
    expect(String(draft.body)).not.toContain('javascript')
  })

  it('threads comments by comment_parent, keeps author fields decoded once, marks own replies and spam', async () => {
    const journal = await openTestJournal()
    const { report } = await importHere(journal.db, journal.dataDir, blog)
    const rows = responses(journal.db)
    const byKey = new Map(rows.map((r) => [r.source_key.replace('wxr:frames.example.org:comment:', ''), r]))
    expect([...byKey.keys()].sort()).toEqual(['41', '42', '43', '45', '47'])
    expect(byKey.get('41')).toMatchObject({
      parent_key: null,
      author_name: 'Tom & Jerry',
      author_email: 'tj@example.com',
      author_url: 'https://tj.example.com/?a=1&b=2',
      body: 'Loved the ending & the score.\n\nDid the "it\'s <complicated>" line land for you?',
      status: 'replied',
      is_own_reply: 0
    })
    expect(byKey.get('42')).toMatchObject({
      parent_key: 'wxr:frames.example.org:comment:41',
      is_own_reply: 1,
      author_name: 'Mara Quill'
    })
    // Listed before its parent in the file, the reply still hangs from it.
    expect(byKey.get('43')).toMatchObject({
      parent_key: 'wxr:frames.example.org:comment:42',
      author_name: "Ana O'Neill",
      author_email: null
    })
    expect(byKey.get('45')?.status).toBe('spam')
    // Held for moderation, and replying to a trashed comment: kept, hidden, top level.
    expect(byKey.get('47')).toMatchObject({ status: 'hidden', parent_key: null })
    expect(report.counts.response).toMatchObject({
      created: 5,
      reasons: { pingback: 1, "comment in WordPress's trash": 1 }
    })
  })

  it('counts pages and attachments as skipped, with the reason', async () => {
    const journal = await openTestJournal()
    const { report } = await importHere(journal.db, journal.dataDir, blog)
    expect(report.counts.other.reasons).toEqual({ 'page (not a review)': 1, 'attachment (not a review)': 1 })
  })

  it('imports the same file twice without changing anything the second time', async () => {
    const journal = await openTestJournal()
    await importHere(journal.db, journal.dataDir, blog)
    const before = snapshot(journal.db)
    const { report } = await importHere(journal.db, journal.dataDir, blog)
    expect(snapshot(journal.db)).toEqual(before)
    expect(report.counts.review).toMatchObject({ created: 0, updated: 0, skipped: 3 })
    expect(report.counts.response).toMatchObject({ created: 0, updated: 0 })
  })

  it('imports posts and comments repeated in one file once, into an empty journal', async () => {
    // Nothing to find in the journal at the start: the import must still match what it wrote.
    const text = readFileSync(blog, 'utf8')
    const items = text.slice(text.indexOf('<item>'), text.lastIndexOf('</item>') + '</item>'.length)
    const twice = join(tempDir(), 'twice.xml')
    writeFileSync(twice, text.replace(items, `${items}\n${items}`))
    const once = await openTestJournal()
    const first = await importHere(once.db, once.dataDir, blog)
    const journal = await openTestJournal()
    const { report } = await importHere(journal.db, journal.dataDir, twice)
    expect(report.counts.review).toMatchObject({ created: 3, updated: 0, skipped: 3 })
    expect(report.counts.response.created).toBe(first.report.counts.response.created)
    // The second copy of each comment is already imported; what the first import skipped, twice.
    const { created, skipped } = first.report.counts.response
    expect(report.counts.response.skipped).toBe(2 * skipped + created)
    expect(responses(journal.db)).toEqual(responses(once.db))
  })

  it('matches the same site written with https or http and a trailing slash', async () => {
    const dir = tempDir()
    const variant = join(dir, 'variant.xml')
    writeFileSync(
      variant,
      readFileSync(blog, 'utf8').replaceAll(
        '<wp:base_site_url>https://frames.example.org</wp:base_site_url>',
        '<wp:base_site_url>http://frames.example.org/</wp:base_site_url>'
      )
    )
    const journal = await openTestJournal()
    await importHere(journal.db, journal.dataDir, blog)
    const { report } = await importHere(journal.db, journal.dataDir, variant)
    expect(report.counts.review.created).toBe(0)
  })

  it('reads a file saved as UTF-16 with a byte-order mark', async () => {
    const dir = tempDir()
    const utf16 = join(dir, 'utf16.xml')
    const text = readFileSync(blog, 'utf8').replace('encoding="UTF-8"', 'encoding="UTF-16"')
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))
    const journal = await openTestJournal()
    const { report } = await importHere(journal.db, journal.dataDir, utf16)
    expect(report.format).toBe('wxr')
    expect(review(journal.db, 'wxr:frames.example.org:post:21').title).toBe('Private thoughts on Tár')
  })
})
