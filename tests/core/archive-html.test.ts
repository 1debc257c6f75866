import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { openTestJournal, tempDir } from '../support/journal'
import { exportHere, seedJournal } from './archive.support'
import { parseHtmlDocument } from '../../src/main/core/conversions/dom'

describe('HTML export', () => {
  it('writes one self-contained page: every live review, escaped, threaded responses, no scripts', async () => {
    const journal = await openTestJournal()
    seedJournal(journal.db)
    journal.db
      .prepare(`UPDATE reviews SET title = '<script>alert(1)</script> & more' WHERE id = 'r-amelie'`)
      .run()
    const out = join(tempDir(), 'journal.html')
    const summary = await exportHere(journal.db, 'html', out)
    expect(summary).toMatchObject({ format: 'html', files: 1, counts: { review: 2 } })
    const html = readFileSync(out, 'utf8')
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more')
    expect(html).toContain(`Content-Security-Policy" content="default-src 'none'`)
    expect(html).not.toContain('Thrown away')
    expect(html).not.toContain('Buy now')

    const doc = parseHtmlDocument(html)
    expect(
      Array.from(doc.querySelectorAll('article h2') as ArrayLike<Element>, (h) => h.textContent)
    ).toEqual(['Her, and the voice in the room', '<script>alert(1)</script> & more'])
    const thread = doc.querySelector('#r-r-her .responses > ol')!
    expect(thread.children.length).toBe(1)
    const reply = thread.querySelector(':scope > li > ol > li')!
    expect(reply.textContent).toContain('The Critic (critic)')
    expect(reply.querySelector('ol > li')!.textContent).toContain('Welcome.')
    expect(doc.querySelector('link, img[src^="http"], iframe')).toBeNull()
  })
})
