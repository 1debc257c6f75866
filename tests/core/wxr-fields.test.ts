import { describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openTestJournal, tempDir } from '../support/journal'
import { exportHere, importHere } from './archive.support'
import { wordpressSlug } from '../../src/main/core/archive/formats/wxr/slugs'
import { loadSample } from '../../src/main/core/app/sample'

const AUTHORS = `<wp:author><wp:author_id>3</wp:author_id><wp:author_login><![CDATA[maria]]></wp:author_login><wp:author_email><![CDATA[maria@blog.example]]></wp:author_email><wp:author_display_name><![CDATA[Maria]]></wp:author_display_name></wp:author>`

function comment(
  id: number,
  parent: number,
  userId: number,
  author: string,
  email: string,
  text: string
): string {
  return `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author><![CDATA[${author}]]></wp:comment_author><wp:comment_author_email>${email}</wp:comment_author_email><wp:comment_date>2012-06-01 12:00:00</wp:comment_date><wp:comment_date_gmt>2012-06-01 10:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[${text}]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>${parent}</wp:comment_parent><wp:comment_user_id>${userId}</wp:comment_user_id></wp:comment>`
}

const ITEMS = {
  protected: `<item><title><![CDATA[Members &amp; friends: <em>secret</em> screening]]></title><wp:post_id>1</wp:post_id><wp:post_date>2012-06-01 09:30:00</wp:post_date><wp:post_date_gmt>2012-06-01 07:30:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:post_password><![CDATA[rosebud]]></wp:post_password>
<excerpt:encoded><![CDATA[A <em>short</em> summary &amp; a promise.]]></excerpt:encoded><content:encoded><![CDATA[The text.]]></content:encoded>
<category domain="post_tag" nicename="%d1%84%d0%b8%d0%bb%d1%8c%d0%bc"><![CDATA[фильм]]></category>
${comment(10, 0, 7, 'Registered Reader', 'reader@example.org', 'Logged in, but a reader.')}${comment(11, 10, 3, 'Maria', 'maria@blog.example', 'Thanks, from the author.')}${comment(12, 0, 0, 'Maria again', 'MARIA@blog.example', 'Signed out, same e-mail.')}</item>`,
  draft: `<item><title>Draft</title><wp:post_id>2</wp:post_id><wp:post_date>2012-06-03 20:00:00</wp:post_date><wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt><wp:status>draft</wp:status><wp:post_type>post</wp:post_type><content:encoded><![CDATA[Draft text.]]></content:encoded></item>`,
  untyped: `<item><title>No type</title><wp:post_id>3</wp:post_id><wp:status>publish</wp:status><content:encoded><![CDATA[Orphan.]]></content:encoded></item>`
}

function wxr(items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Blog</title><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://blog.example</wp:base_site_url>${AUTHORS}
${items.join('\n')}</channel></rss>`
}

async function imported(items: string[]) {
  const file = join(tempDir(), 'blog.xml')
  writeFileSync(file, wxr(items))
  const journal = await openTestJournal()
  const { report } = await importHere(journal.db, journal.dataDir, file)
  return { ...journal, report }
}

describe('WordPress fields a review used to lose', () => {
  it('keeps the excerpt as the standfirst and the post password, and counts protected posts', async () => {
    const { db, report } = await imported([ITEMS.protected])
    expect(report.protectedReviews).toBe(1)
    expect(db.prepare('SELECT standfirst, password FROM reviews').get()).toEqual({
      standfirst: 'A short summary & a promise.',
      password: 'rosebud'
    })
  })

  it('reads a title with markup as the text the page shows', async () => {
    const { db } = await imported([ITEMS.protected])
    expect(db.prepare('SELECT title FROM reviews').pluck().get()).toBe('Members & friends: secret screening')
  })

  it("makes own replies only of the file's authors, by user id or e-mail; a registered reader stays a reader", async () => {
    const { db } = await imported([ITEMS.protected])
    const rows = db.prepare('SELECT author_name, is_own_reply FROM responses ORDER BY source_key').all()
    expect(rows).toEqual([
      { author_name: 'Registered Reader', is_own_reply: 0 },
      { author_name: 'Maria', is_own_reply: 1 },
      { author_name: 'Maria again', is_own_reply: 1 }
    ])
  })

  it('reads post_date_gmt, else post_date at the offset the file shows, else notes the missing zone', async () => {
    const { db, report } = await imported([ITEMS.protected, ITEMS.draft])
    const dates = db.prepare('SELECT title, created_at FROM reviews ORDER BY created_at').all()
    // The first post shows the site at UTC+2; the draft has no GMT date and is read at that offset.
    expect(dates).toEqual([
      { title: 'Members & friends: secret screening', created_at: '2012-06-01T07:30:00.000Z' },
      { title: 'Draft', created_at: '2012-06-03T18:00:00.000Z' }
    ])
    expect(report.notes).toEqual([])
    const alone = await imported([ITEMS.draft])
    expect(alone.db.prepare('SELECT created_at FROM reviews').pluck().get()).toBe('2012-06-03T20:00:00.000Z')
    expect(alone.report.notes).toEqual([
      {
        position: 1,
        what: 'item 1 “Draft”',
        message: expect.stringContaining("the file does not say the site's time zone") as unknown
      }
    ])
  })

  it('refuses an item without a post type, as WordPress does, with the reason', async () => {
    const { db, report } = await imported([ITEMS.untyped])
    expect(db.prepare('SELECT count(*) FROM reviews').pluck().get()).toBe(0)
    expect(report.problems).toEqual([
      {
        position: 1,
        what: 'item 1 “No type”',
        message: expect.stringContaining('invalid post type') as unknown
      }
    ])
  })

  it('exports the standfirst, password, site-time and UTC dates, and user ids as WordPress writes them', async () => {
    const { db, dataDir } = await imported([ITEMS.protected])
    const out = join(dataDir, 'out.xml')
    await exportHere(db, 'wxr', out)
    const xml = readFileSync(out, 'utf8')
    expect(xml).toContain('<excerpt:encoded><![CDATA[A short summary &amp; a promise.]]></excerpt:encoded>')
    expect(xml).toContain('<wp:post_password><![CDATA[rosebud]]></wp:post_password>')
    expect(xml).toContain('<wp:post_date_gmt><![CDATA[2012-06-01 07:30:00]]></wp:post_date_gmt>')
    const local = new Date('2012-06-01T07:30:00Z')
    const pad = (n: number) => String(n).padStart(2, '0')
    expect(xml).toContain(
      `<wp:post_date><![CDATA[${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())} ${pad(local.getHours())}:${pad(local.getMinutes())}:00]]></wp:post_date>`
    )
    const users = [
      ...xml.matchAll(/<wp:comment_author><!\[CDATA\[([^\]]*)\]\]>[\s\S]*?<wp:comment_user_id>(\d+)</g)
    ].map((m) => [m[1], m[2]])
    expect(users.sort()).toEqual([
      ['Maria again', '1'],
      ['Maria', '1'],
      ['Registered Reader', '0']
    ])
    // Our own export reads back the same: the password and standfirst survive the round trip.
    const again = await openTestJournal()
    await importHere(again.db, again.dataDir, out)
    expect(again.db.prepare('SELECT standfirst, password FROM reviews').get()).toEqual({
      standfirst: 'A short summary & a promise.',
      password: 'rosebud'
    })
  })

  it('carries the standfirst and password through our own archive, and the standfirst into Markdown front matter', async () => {
    const { db, dataDir } = await imported([ITEMS.protected])
    const archive = join(dataDir, 'journal.rjarchive')
    await exportHere(db, 'archive', archive)
    const again = await openTestJournal()
    await importHere(again.db, again.dataDir, archive)
    expect(again.db.prepare('SELECT standfirst, password FROM reviews').get()).toEqual({
      standfirst: 'A short summary & a promise.',
      password: 'rosebud'
    })
    const folder = join(dataDir, 'markdown')
    await exportHere(db, 'markdown', folder)
    const markdown = await openTestJournal()
    await importHere(markdown.db, markdown.dataDir, folder)
    expect(markdown.db.prepare('SELECT standfirst FROM reviews').pluck().get()).toBe(
      'A short summary & a promise.'
    )
  })
})

describe('WordPress slugs and the sample journal', () => {
  it('makes tag slugs as sanitize_title does: percent-encoded UTF-8 in lowercase hex, accents dropped', () => {
    expect(wordpressSlug('фильм')).toBe('%d1%84%d0%b8%d0%bb%d1%8c%d0%bc')
    expect(wordpressSlug('映画')).toBe('%e6%98%a0%e7%94%bb')
    expect(wordpressSlug('Café Noir')).toBe('cafe-noir')
    expect(wordpressSlug("Director's cut — 4K")).toBe('directors-cut-4k')
    expect(wordpressSlug('Straße')).toBe('strasse')
    expect(wordpressSlug('v1.5 <b>bold</b>')).toBe('v1-5-bold')
  })

  it('exports non-Latin tags with those slugs, never "tag-2"', async () => {
    const { db, dataDir } = await imported([ITEMS.protected])
    const out = join(dataDir, 'out.xml')
    await exportHere(db, 'wxr', out)
    expect(readFileSync(out, 'utf8')).toContain('nicename="%d1%84%d0%b8%d0%bb%d1%8c%d0%bc"')
  })

  it('signs the sample\'s own reply with the critic\'s name, not "You"', async () => {
    const { db } = await openTestJournal()
    loadSample(db)
    const own = db.prepare('SELECT author_name FROM responses WHERE is_own_reply = 1').pluck().all()
    expect(own).toHaveLength(1)
    expect(own[0]).not.toBe('You')
    db.prepare(`DELETE FROM responses`).run()
    db.prepare(`DELETE FROM reviews`).run()
    db.prepare(`INSERT INTO settings (key, value) VALUES ('preferences', ?)`).run(
      JSON.stringify({ criticName: 'Pauline Kael' })
    )
    loadSample(db)
    expect(db.prepare('SELECT author_name FROM responses WHERE is_own_reply = 1').pluck().get()).toBe(
      'Pauline Kael'
    )
  })
})
