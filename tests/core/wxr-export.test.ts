import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SaxesParser } from 'saxes'
import type { Db } from '../../src/main/core/db/connection'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'
import { openTestJournal, tempDir } from '../support/journal'
import { exportHere, importHere, seedJournal, snapshot } from './archive.support'

/** Reviews and their threads as a critic would compare them, without row ids or timestamps of import. */
function journalView(db: Db) {
  const reviews = db
    .prepare(
      `SELECT r.id, r.title, r.body_text, r.status, r.rating, r.responses_closed, r.slug, r.published_url, w.title AS film, w.year,
         (SELECT group_concat(t.name, '|') FROM (SELECT t.name FROM review_tags x JOIN tags t ON t.id = x.tag_id WHERE x.review_id = r.id ORDER BY t.name) t) AS tags
       FROM reviews r LEFT JOIN works w ON w.id = r.work_id WHERE r.deleted_at IS NULL ORDER BY r.id`
    )
    .all()
  const responses = db
    .prepare(
      `SELECT id, review_id, parent_id, author_name, author_email, author_url, body, received_at, status, is_own_reply
       FROM responses ORDER BY id`
    )
    .all()
  return { reviews, responses }
}

const TRICKY_BODY = 'A body holding ]]> and <![CDATA[ and a control\u0001 character.'

function seedTricky(db: Db): void {
  db.prepare(
    `INSERT INTO reviews (id, title, body, body_text, status, created_at, updated_at) VALUES ('r-cdata', 'Ends with ]]> & <b>not bold</b>', ?, ?, 'ready', '2022-01-01T00:00:00.000Z', '2022-01-01T00:00:00.000Z')`
  ).run(JSON.stringify(plainTextToLexical(TRICKY_BODY)), TRICKY_BODY)
}

async function exported() {
  const journal = await openTestJournal()
  seedJournal(journal.db)
  seedTricky(journal.db)
  const out = join(tempDir(), 'journal.xml')
  const summary = await exportHere(journal.db, 'wxr', out)
  return { journal, out, summary, xml: readFileSync(out, 'utf8') }
}

describe('WordPress (WXR) export', () => {
  it('writes well-formed WXR 1.2 with every namespace WordPress reads', async () => {
    const { xml, summary } = await exported()
    expect(summary).toMatchObject({ format: 'wxr', files: 1, counts: { review: 3, response: 4 } })
    expect(summary.bytes).toBe(Buffer.byteLength(xml))
    for (const ns of [
      'excerpt="http://wordpress.org/export/1.2/excerpt/"',
      'content="http://purl.org/rss/1.0/modules/content/"',
      'wfw=',
      'dc=',
      'wp="http://wordpress.org/export/1.2/"'
    ]) {
      expect(xml).toContain(`xmlns:${ns}`)
    }
    expect(xml).toContain('<wp:wxr_version>1.2</wp:wxr_version>')
    // A strict XML parser reads it whole (CDATA split around "]]>", control characters dropped).
    const parser = new SaxesParser({ xmlns: true })
    let texts = ''
    parser.on('cdata', (t) => (texts += t))
    parser.write(xml).close()
    expect(texts).toContain('Ends with ]]&gt; &amp; &lt;b&gt;not bold&lt;/b&gt;')
    expect(texts).toContain('A body holding ]]&gt; and &lt;![CDATA[ and a control character.')
  })

  it('numbers comments parent first and marks the critic’s replies with the site user', async () => {
    const { xml } = await exported()
    const comments = [
      ...xml.matchAll(
        /<wp:comment_id>(\d+)<\/wp:comment_id>[\s\S]*?<wp:comment_approved><!\[CDATA\[(\w+)\]\]>[\s\S]*?<wp:comment_parent>(\d+)<\/wp:comment_parent>\s*<wp:comment_user_id>(\d+)/g
      )
    ].map((m) => ({ id: Number(m[1]), approved: m[2], parent: Number(m[3]), user: Number(m[4]) }))
    expect(comments).toHaveLength(4)
    for (const c of comments) if (c.parent) expect(c.parent).toBeLessThan(c.id)
    expect(comments.filter((c) => c.user === 1)).toHaveLength(1)
    expect(comments.filter((c) => c.parent !== 0)).toHaveLength(2)
    expect(comments.map((c) => c.approved).sort()).toEqual(['1', '1', '1', 'spam'])
  })

  it('imports back into an empty journal as the same reviews and threads', async () => {
    const { journal, out } = await exported()
    const fresh = await openTestJournal()
    const { report } = await importHere(fresh.db, fresh.dataDir, out)
    expect(report.format).toBe('wxr')
    expect(report.problems).toEqual([])
    const before = journalView(journal.db)
    const after = journalView(fresh.db)
    expect(after.responses).toEqual(before.responses)
    // The one difference: XML cannot carry the control character, so it is dropped.
    const clean = (rows: unknown[]) =>
      rows.map((r) => JSON.parse(JSON.stringify(r).replace('\\u0001', '')) as unknown)
    expect(after.reviews).toEqual(clean(before.reviews))
    expect(after.reviews).toHaveLength(3)
  })

  it('changes nothing when imported back into the journal it came from', async () => {
    const { journal, out } = await exported()
    const before = snapshot(journal.db)
    const { report } = await importHere(journal.db, journal.dataDir, out)
    expect(snapshot(journal.db)).toEqual(before)
    expect(report.counts.review).toMatchObject({ created: 0, updated: 0, skipped: 3 })
    expect(report.counts.response).toMatchObject({ created: 0, updated: 0, skipped: 4 })
    expect(report.problems).toEqual([])
  })
})
