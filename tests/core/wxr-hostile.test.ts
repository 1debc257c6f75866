import { describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { openTestJournal, tempDir } from '../support/journal'
import { importHere, seedJournal, snapshot } from './archive.support'
import { DEFAULT_LIMITS } from '../../src/main/core/archive/files/limits'
import { importFile } from '../../src/main/core/archive/import/importFile'

const blog = readFileSync(resolve(__dirname, '../fixtures/wxr/film-blog.xml'), 'utf8')

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>`
const RSS_OPEN = `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>T</title><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://t.example</wp:base_site_url>`
const RSS_CLOSE = `</channel></rss>`

function post(id: number, body: string, extra = ''): string {
  return `<item><title>Post ${id}</title><wp:post_id>${id}</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><content:encoded>${body}</content:encoded>${extra}</item>`
}

function file(name: string, content: string | Buffer): string {
  const path = join(tempDir(), name)
  writeFileSync(path, content)
  return path
}

/** A journal with content, and a check that a failed import left every row as it was. */
async function seeded() {
  const journal = await openTestJournal()
  seedJournal(journal.db)
  const before = snapshot(journal.db)
  return { journal, unchanged: () => expect(snapshot(journal.db)).toEqual(before) }
}

describe('WordPress import refuses hostile and broken files with one clear message', () => {
  it('refuses entity expansion (billion laughs) quickly, without expanding anything', async () => {
    const { journal, unchanged } = await seeded()
    const laughs = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`
    ).join('\n')
    const path = file(
      'laughs.xml',
      `${HEAD}<!DOCTYPE rss [<!ENTITY lol0 "lol">${laughs}]>\n${RSS_OPEN}${post(1, '&lol9;')}${RSS_CLOSE}`
    )
    const started = performance.now()
    await expect(importHere(journal.db, journal.dataDir, path)).rejects.toMatchObject({
      code: 'IMPORT_FAILED',
      message: expect.stringContaining('declares a DOCTYPE') as unknown
    })
    expect(performance.now() - started).toBeLessThan(2000)
    unchanged()
  })

  it('refuses external entities (XXE): nothing is fetched or read into the journal', async () => {
    const { journal, unchanged } = await seeded()
    const secret = file('secret.txt', 'TOP-SECRET-CONTENT')
    const path = file(
      'xxe.xml',
      `${HEAD}<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://${secret}">]>\n${RSS_OPEN}${post(1, '&xxe;')}${RSS_CLOSE}`
    )
    await expect(importHere(journal.db, journal.dataDir, path)).rejects.toMatchObject({
      code: 'IMPORT_FAILED',
      message: expect.stringContaining('DOCTYPE') as unknown
    })
    unchanged()
    const text = JSON.stringify(journal.db.prepare('SELECT body_text FROM reviews').all())
    expect(text).not.toContain('TOP-SECRET')
  })

  it('refuses a file cut off mid-element, naming where it broke, and writes nothing', async () => {
    const { journal, unchanged } = await seeded()
    const path = file('cut.xml', blog.slice(0, blog.indexOf('<wp:comment_author><![CDATA[Mara')))
    await expect(importHere(journal.db, journal.dataDir, path)).rejects.toMatchObject({
      code: 'IMPORT_FAILED',
      message: expect.stringMatching(/cut\.xml is not well-formed XML: .*cut short/) as unknown
    })
    unchanged()
  })

  it('refuses XML that is not well-formed with its line and column', async () => {
    const { journal, unchanged } = await seeded()
    const path = file('broken.xml', `${HEAD}\n${RSS_OPEN}\n${post(1, 'a &nbsp; b')}${RSS_CLOSE}`)
    await expect(importHere(journal.db, journal.dataDir, path, { format: 'wxr' })).rejects.toMatchObject({
      message: expect.stringMatching(/line 4, column \d+: undefined entity\. It may be cut short/) as unknown
    })
    unchanged()
  })

  it('refuses RSS that is not a WordPress export, and a WXR version that is not a number', async () => {
    const { journal, unchanged } = await seeded()
    const feed = file(
      'feed.xml',
      `${HEAD}<rss version="2.0"><channel><title>Feed</title><item><title>x</title></item></channel></rss>`
    )
    await expect(importHere(journal.db, journal.dataDir, feed, { format: 'wxr' })).rejects.toMatchObject({
      message:
        'feed.xml is not a WordPress export: it has no WXR version (<wp:wxr_version>). Nothing was imported.'
    })
    const odd = file(
      'odd.xml',
      blog.replace('<wp:wxr_version>1.2</wp:wxr_version>', '<wp:wxr_version>abc</wp:wxr_version>')
    )
    await expect(importHere(journal.db, journal.dataDir, odd)).rejects.toMatchObject({
      message: expect.stringContaining('WXR version "abc" is not a version number') as unknown
    })
    unchanged()
  })

  it('refuses text in an older encoding instead of garbling it', async () => {
    const { journal, unchanged } = await seeded()
    const latin1 = Buffer.from(`${HEAD}\n${RSS_OPEN}${post(1, 'Tár')}${RSS_CLOSE}`, 'latin1')
    const path = file('latin1.xml', latin1)
    await expect(importHere(journal.db, journal.dataDir, path)).rejects.toMatchObject({
      message: expect.stringContaining('is not UTF-8 or UTF-16 text') as unknown
    })
    unchanged()
  })

  it('refuses one field larger than the limit, in bounded memory', async () => {
    const { journal, unchanged } = await seeded()
    const path = file('huge.xml', `${HEAD}\n${RSS_OPEN}${post(1, 'x'.repeat(300_000))}${RSS_CLOSE}`)
    await expect(
      importHere(journal.db, journal.dataDir, path, {
        limits: { ...DEFAULT_LIMITS, maxDocumentBytes: 100_000 }
      })
    ).rejects.toMatchObject({
      message: expect.stringContaining('item 1 has a <content:encoded> larger than 98 KB') as unknown
    })
    unchanged()
  })

  it('reports a post without an id by its position and imports the rest', async () => {
    const journal = await openTestJournal()
    const noId = `<item><title>Lost</title><wp:post_type>post</wp:post_type><content:encoded>x</content:encoded></item>`
    const path = file(
      'partial.xml',
      `${HEAD}\n${RSS_OPEN}${post(1, 'first')}${noId}${post(3, 'third')}${RSS_CLOSE}`
    )
    const { report } = await importHere(journal.db, journal.dataDir, path)
    expect(report.counts.review.created).toBe(2)
    expect(report.problems).toEqual([
      { position: 2, what: 'item 2', message: expect.stringContaining('no wp:post_id') as unknown }
    ])
  })

  it('threads a reply chain thousands deep, and cuts a loop of parents instead of hanging', async () => {
    const journal = await openTestJournal()
    const depth = 3000
    const comment = (id: number, parent: number) =>
      `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>R${id}</wp:comment_author><wp:comment_content>c${id}</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>${parent}</wp:comment_parent><wp:comment_date_gmt>2020-01-01 00:00:00</wp:comment_date_gmt></wp:comment>`
    // Written newest first, so every reply comes before its parent.
    const chain = Array.from({ length: depth }, (_, i) => comment(depth - i, depth - i - 1)).join('')
    const loop = comment(90001, 90002) + comment(90002, 90001)
    const path = file('deep.xml', `${HEAD}\n${RSS_OPEN}${post(1, 'deep', chain + loop)}${RSS_CLOSE}`)
    const { report } = await importHere(journal.db, journal.dataDir, path)
    expect(report.problems).toEqual([])
    expect(report.counts.response.created).toBe(depth + 2)
    const deepest = journal.db
      .prepare(
        `WITH RECURSIVE up(id, parent_id, n) AS (SELECT id, parent_id, 0 FROM responses WHERE source_key = 'wxr:t.example:comment:${depth}'
         UNION ALL SELECT r.id, r.parent_id, n + 1 FROM responses r JOIN up ON r.id = up.parent_id) SELECT max(n) AS n FROM up`
      )
      .get() as { n: number }
    expect(deepest.n).toBe(depth - 1)
  })

  it('a cancel while reading ends as CANCELLED with the journal unchanged, not as an internal error', async () => {
    const { journal, unchanged } = await seeded()
    const path = file(
      'many.xml',
      `${HEAD}\n${RSS_OPEN}${Array.from({ length: 400 }, (_, i) => post(i + 1, 'x'.repeat(2000))).join('')}${RSS_CLOSE}`
    )
    const controller = new AbortController()
    const run = importFile(journal.db, path, {
      format: 'wxr',
      dryRun: false,
      dataDir: journal.dataDir,
      signal: controller.signal,
      progress: () => controller.abort()
    })
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' })
    unchanged()
  })
})
