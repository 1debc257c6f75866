import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { htmlToLexical, lexicalToHtml } from '../../src/shared/conversions/html'
import { lexicalToMarkdown, markdownToLexical } from '../../src/shared/conversions/markdown'
import { lexicalToPlainText } from '../../src/shared/conversions/plainText'
import { parseHtmlDocument } from '../../src/main/core/conversions/dom'
import type { LexicalDoc } from '../../src/shared/domain'

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/writing', name), 'utf8')
const fromHtml = (html: string) => htmlToLexical(html, parseHtmlDocument)

/** A document using every supported format, written in Markdown. */
const EVERY_FORMAT_MD = `## The ending

Some **bold**, *italic*, ++underlined++ and ~~struck~~ words, ***both***, a ||secret twist|| and [a link](https://example.com/review?id=1&x=2).

> A quoted line
> and its second line

> [!pullquote] The line set large

- one
- two
    - nested

1. first
2. second

---

### Coda`

function types(doc: LexicalDoc): string[] {
  const out: string[] = []
  const walk = (n: { type?: string; children?: unknown[] }) => {
    out.push(n.type ?? '?')
    for (const c of n.children ?? []) walk(c as typeof n)
  }
  for (const c of doc.root.children) walk(c as { type?: string })
  return out
}

describe('Markdown', () => {
  it('round-trips every supported format unchanged', () => {
    const doc = markdownToLexical(EVERY_FORMAT_MD)
    expect(lexicalToMarkdown(doc)).toBe(EVERY_FORMAT_MD)
    expect(markdownToLexical(lexicalToMarkdown(doc))).toEqual(doc)
    expect(types(doc)).toEqual(
      expect.arrayContaining(['heading', 'spoiler', 'pullquote', 'quote', 'list', 'horizontalrule', 'link'])
    )
  })

  it('reads headings as H2/H3 only and joins soft-wrapped lines into one paragraph', () => {
    const doc = markdownToLexical('# Top\n\n#### Deep\n\nOne line\nand the next')
    expect(lexicalToMarkdown(doc)).toBe('## Top\n\n### Deep\n\nOne line and the next')
  })

  it('marks spoilers visibly in the exported Markdown', () => {
    const md = lexicalToMarkdown(markdownToLexical('She was ||dead all along||.'))
    expect(md).toBe('She was ||dead all along||.')
  })

  it('gives an empty document one empty paragraph', () => {
    const doc = markdownToLexical('')
    expect(doc.root.children).toHaveLength(1)
    expect(lexicalToPlainText(doc)).toBe('')
  })
})

describe('HTML', () => {
  it('round-trips every supported format through HTML', () => {
    const doc = markdownToLexical(EVERY_FORMAT_MD)
    const html = lexicalToHtml(doc)
    expect(html).toContain('<span class="spoiler">secret twist</span>')
    expect(html).toContain('<blockquote class="pullquote">The line set large</blockquote>')
    expect(html).toContain('<a href="https://example.com/review?id=1&amp;x=2">a link</a>')
    const back = fromHtml(html)
    expect(back).toEqual(doc)
    expect(lexicalToHtml(back)).toBe(html)
  })

  it('escapes text so that markup typed as words stays words', () => {
    const doc = markdownToLexical('Use <script>alert(1)</script> & "quotes"')
    const html = lexicalToHtml(doc)
    expect(html).toBe('<p>Use &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</p>')
    expect(lexicalToPlainText(fromHtml(html))).toBe('Use <script>alert(1)</script> & "quotes"')
  })

  it('removes scripts, styles, frames, images, forms, handlers and unsafe links from hostile HTML', () => {
    const doc = fromHtml(fixture('hostile.html'))
    const html = lexicalToHtml(doc)
    for (const bad of [
      '<script',
      'onclick',
      'onerror',
      'onload',
      'javascript',
      'JaVa',
      'data:',
      'iframe',
      '<img',
      'svg',
      'style=',
      'target=',
      'pwned',
      'typed'
    ]) {
      expect(html).not.toContain(bad)
    }
    expect(html).toContain('<a href="https://example.com/ok">fine link</a>')
    expect(html).toContain('<span class="spoiler">the twist</span>')
    const text = lexicalToPlainText(doc)
    expect(text).toContain('Safe text js link tabbed js data link fine link')
    expect(text).toContain('<script> stays text & escaped.')
  })

  it('keeps the formats of a Google Docs paste and drops its styles and images', () => {
    const html = lexicalToHtml(fromHtml(fixture('google-docs-paste.html')))
    expect(html).toBe(
      [
        '<p>Jonze’s film is <strong>tender</strong><em> and strange</em><u>, underlined</u><s> and struck</s>.</p>',
        '<h2>The ending</h2>',
        '<ul><li>Phoenix</li><li>Johansson</li></ul>'
      ].join('\n')
    )
  })

  it('cleans a Word paste down to paragraphs with bold and italic', () => {
    const html = lexicalToHtml(fromHtml(fixture('word-paste.html')))
    expect(html).not.toMatch(/Mso|mso-|color|align|<o:p|WordDocument|<!--/)
    expect(html).toContain('<strong>Her</strong>')
    expect(html).toContain('<em>is</em>')
    expect(html).toContain('Une histoire d’amour.')
  })

  it('imports a WordPress pull quote block as a pull quote', () => {
    const doc = fromHtml(
      '<figure class="wp-block-pullquote"><blockquote><p>Set large</p><cite>Me</cite></blockquote></figure><p>After</p>'
    )
    expect(types(doc)[0]).toBe('pullquote')
    expect(lexicalToPlainText(doc)).toContain('Set large')
  })

  it('wraps loose text in paragraphs and keeps an empty input valid', () => {
    expect(lexicalToHtml(fromHtml('just text'))).toBe('<p>just text</p>')
    expect(fromHtml('').root.children).toHaveLength(1)
    expect(fromHtml('<script>x</script>').root.children).toHaveLength(1)
  })

  it('drops links that are not web or mail addresses on export too', () => {
    const doc = markdownToLexical('[x](https://ok.example) [y](mailto:me@example.com)')
    const link = (doc.root.children[0] as { children: { url?: string }[] }).children.find((c) => c.url)!
    link.url = 'javascript:alert(1)'
    const html = lexicalToHtml(doc)
    expect(html).not.toContain('javascript')
    expect(html).toContain('<a href="mailto:me@example.com">y</a>')
  })
})

describe('plain text', () => {
  it('derives paragraphs, list lines and spoiler text without markers', () => {
    const text = lexicalToPlainText(markdownToLexical(EVERY_FORMAT_MD))
    expect(text.split('\n\n')[0]).toBe('The ending')
    expect(text).toContain('a secret twist and a link.')
    expect(text).toContain('one\ntwo\nnested')
  })
})
