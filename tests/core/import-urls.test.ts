import { describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openTestJournal, tempDir } from '../support/journal'
import { exportHere, importHere } from './archive.support'

const RSS_OPEN = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>T</title><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://t.example</wp:base_site_url>`

function comment(id: number, author: string, url: string): string {
  return `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>${author}</wp:comment_author><wp:comment_author_url>${url}</wp:comment_author_url><wp:comment_date_gmt>2020-01-02 10:00:00</wp:comment_date_gmt><wp:comment_content>Hello from ${author}</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>`
}

function post(id: number, link: string, comments: string): string {
  return `<item><title>Post ${id}</title><link>${link}</link><wp:post_id>${id}</wp:post_id><wp:post_date_gmt>2020-01-01 10:00:00</wp:post_date_gmt><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><content:encoded>Text ${id}</content:encoded>${comments}</item>`
}

type Row = { title?: string; author_name?: string; url: string | null }

describe('web addresses taken from imports keep the http(s) rule of reviews.save', () => {
  it('a WordPress export with javascript: links: the rows come in without them, and the report says so', async () => {
    const journal = await openTestJournal()
    const path = join(tempDir(), 'hostile.xml')
    const posts = [
      post(
        1,
        'javascript:alert(1)',
        comment(11, 'Mallory', 'javascript:alert(document.cookie)') +
          comment(12, 'Ann', 'https://ann.example.org/')
      ),
      post(
        2,
        'https://t.example/2/',
        comment(21, 'Eve', 'data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;')
      )
    ]
    writeFileSync(path, `${RSS_OPEN}${posts.join('')}</channel></rss>`)
    const { report } = await importHere(journal.db, journal.dataDir, path)
    const reviews = journal.db
      .prepare('SELECT title, published_url AS url FROM reviews ORDER BY title')
      .all() as Row[]
    expect(reviews).toEqual([
      { title: 'Post 1', url: null },
      { title: 'Post 2', url: 'https://t.example/2/' }
    ])
    const responses = journal.db
      .prepare('SELECT author_name, author_url AS url FROM responses ORDER BY author_name')
      .all() as Row[]
    expect(responses).toEqual([
      { author_name: 'Ann', url: 'https://ann.example.org/' },
      { author_name: 'Eve', url: null },
      { author_name: 'Mallory', url: null }
    ])
    const lines = report.problems.map((p) => `${p.what}: ${p.message}`)
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Post 1.*published address "javascript:alert\(1\)" is not a web address/),
        expect.stringMatching(/response.*link "javascript:alert\(document\.cookie\)" is not a web address/),
        expect.stringMatching(/response.*link "data:text\/html,.*" is not a web address/)
      ])
    )
    expect(report.problemCount).toBe(3)
  })

  it('an archive carrying a javascript: address (written by hand or by an old version) is cleaned the same way', async () => {
    const source = await openTestJournal()
    const review = await source.call('reviews.create', { title: 'Sneaky' })
    await source.call('responses.add', { reviewId: review.id, authorName: 'Mallory', body: 'Hi' })
    // Straight into the table, as a tampered file would carry it: the channels refuse it.
    source.db.prepare("UPDATE reviews SET published_url = 'javascript:alert(1)'").run()
    source.db.prepare("UPDATE responses SET author_url = 'JaVaScRiPt:alert(2)'").run()
    const archive = join(tempDir(), 'tampered.rjarchive')
    await exportHere(source.db, 'archive', archive)

    const target = await openTestJournal()
    const { report } = await importHere(target.db, target.dataDir, archive)
    expect(target.db.prepare('SELECT published_url AS url FROM reviews').all()).toEqual([{ url: null }])
    expect(target.db.prepare('SELECT author_url AS url FROM responses').all()).toEqual([{ url: null }])
    expect(report.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('published address "javascript:alert(1)" is not a web address'),
      expect.stringContaining('link "JaVaScRiPt:alert(2)" is not a web address')
    ])
  })
})
