import { describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { convertReviewHtml } from '../../src/main/core/conversions/dom'
import { lexicalToPlainText } from '../../src/shared/conversions/plainText'
import { lexicalToHtml } from '../../src/shared/conversions/html'
import { addParagraphs } from '../../src/main/core/archive/formats/wxr/htmlText'
import { openTestJournal, tempDir } from '../support/journal'
import { importHere } from './archive.support'

/** The words a reader sees, split as a browser's innerText splits them (on any whitespace). */
const words = (text: string) => text.split(/\s+/).filter(Boolean)
const wordsOf = (html: string) => words(lexicalToPlainText(convertReviewHtml(html).doc))
const linesOf = (html: string) => lexicalToPlainText(convertReviewHtml(html).doc).split('\n').filter(Boolean)

describe('HTML conversion keeps every visible word, spaced as a browser shows it', () => {
  it('joins old and unknown inline elements with their neighbours: "a <big>big</big> deal"', () => {
    expect(wordsOf('<p>a <big>big</big> deal</p>')).toEqual(['a', 'big', 'deal'])
    for (const tag of [
      'small',
      'strike',
      'font',
      'blink',
      'abbr',
      'acronym',
      'tt',
      'mark',
      'dfn',
      'bdi',
      'nobr',
      'made-up',
      'foo'
    ]) {
      expect(wordsOf(`<p>one <${tag}>two</${tag}> three</p>`), tag).toEqual(['one', 'two', 'three'])
      // No space in the source, none on the page either.
      expect(wordsOf(`<p>one<${tag}>two</${tag}>three</p>`), tag).toEqual(['onetwothree'])
    }
    expect(wordsOf('<p><font face="Arial"><small>Old</small> <big>blog</big></font> post</p>')).toEqual([
      'Old',
      'blog',
      'post'
    ])
  })

  it('separates block elements, known to Lexical or not', () => {
    expect(wordsOf('<p>before</p><center>centred</center><p>after</p>')).toEqual([
      'before',
      'centred',
      'after'
    ])
    expect(
      wordsOf('<table><tr><th>Film</th><th>Year</th></tr><tr><td>Her</td><td>2013</td></tr></table>')
    ).toEqual(['Film', 'Year', 'Her', '2013'])
    expect(wordsOf('<details><summary>More</summary>hidden detail</details>')).toEqual([
      'More',
      'hidden',
      'detail'
    ])
    expect(wordsOf('<dl><dt>Director</dt><dd>Spike Jonze</dd></dl>')).toEqual(['Director', 'Spike', 'Jonze'])
  })

  it('keeps <strike> as strikethrough, not only its words', () => {
    const doc = convertReviewHtml('<p>was <strike>bad</strike> good</p>').doc
    expect(JSON.stringify(doc)).toContain('"format":4')
  })

  it("puts a quote's cite on its own line, not glued to the quote", () => {
    expect(
      linesOf('<blockquote><p>The best film of the year.</p><cite>A Critic</cite></blockquote>')
    ).toEqual(['The best film of the year.', 'A Critic'])
    expect(linesOf('<blockquote><p>One.</p><p>Two.</p></blockquote>')).toEqual(['One.', 'Two.'])
    const pull =
      '<figure class="wp-block-pullquote"><blockquote><p>Pulled out.</p><cite>Someone</cite></blockquote></figure>'
    expect(linesOf(pull)).toEqual(['Pulled out.', 'Someone'])
  })

  it('keeps figure captions (the image and gallery blocks) as text in their place', () => {
    const gallery =
      '<figure class="wp-block-gallery"><figure class="wp-block-image"><img src="a.jpg" alt=""/><figcaption>First still</figcaption></figure>' +
      '<figure class="wp-block-image"><img src="b.jpg" alt=""/><figcaption>Second still</figcaption></figure><figcaption class="blocks-gallery-caption">Both from the film</figcaption></figure>'
    expect(linesOf(`<p>Before.</p>${gallery}<p>After.</p>`)).toEqual([
      'Before.',
      'First still',
      'Second still',
      'Both from the film',
      'After.'
    ])
  })

  it('makes no lines of what shows nothing: blank table cells, spacers, a line break that ends a block', () => {
    expect(linesOf(addParagraphs('Intro.\n<table>\n<tr>\n<td>a</td>\n<td></td>\n</tr>\n</table>'))).toEqual([
      'Intro.',
      'a'
    ])
    expect(
      lexicalToPlainText(
        convertReviewHtml('<p>Spacer:</p>\n<div class="wp-block-spacer"></div>\n<p>end<br></p>').doc
      )
    ).toBe('Spacer:\n\nend')
  })

  it('keeps spaces laid out on purpose through our own HTML and back', () => {
    const verse = convertReviewHtml('<pre>Two roads   diverged\n  in a yellow wood </pre>').doc
    const text = lexicalToPlainText(verse)
    expect(text).toBe('Two roads   diverged\n  in a yellow wood ')
    expect(lexicalToPlainText(convertReviewHtml(lexicalToHtml(verse)).doc)).toBe(text)
  })

  it('leaves out what a page never shows, and says what it left out on purpose', () => {
    const { doc, dropped } = convertReviewHtml(
      '<p>Seen <span hidden>unseen</span>text<span style="display:none">gone</span>.</p><script>alert(1)</script><iframe src="https://video.example"></iframe><p><img src="x.jpg"></p>'
    )
    expect(words(lexicalToPlainText(doc))).toEqual(['Seen', 'text.'])
    expect(dropped.map((d) => d.what)).toEqual(['script', 'embedded frame', 'image'])
  })
})

function wxr(content: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old Blog</title><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://old.example</wp:base_site_url>
<item><title>Post</title><wp:post_id>7</wp:post_id><wp:post_date_gmt>2009-05-01 10:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<content:encoded><![CDATA[${content}]]></content:encoded>${extra}</item></channel></rss>`
}

async function importPost(content: string) {
  const file = join(tempDir(), 'old-blog.xml')
  writeFileSync(file, wxr(content))
  const journal = await openTestJournal()
  const { report } = await importHere(journal.db, journal.dataDir, file)
  const text = journal.db.prepare('SELECT body_text FROM reviews').pluck().get() as string
  return { report, text }
}

describe('WordPress posts keep their captions and say what was left out', () => {
  it('turns a [caption] shortcode into its caption, on its own line', async () => {
    const { text } = await importPost(
      'Intro line.\n\n[caption id="attachment_9" align="alignnone" width="300"]<img src="still.jpg" alt="" width="300" /> The famous <em>stairs</em> shot[/caption]\n\nClosing line.'
    )
    expect(text.split('\n').filter(Boolean)).toEqual([
      'Intro line.',
      'The famous stairs shot',
      'Closing line.'
    ])
  })

  it('reads the old caption="" form of the shortcode', async () => {
    const { text } = await importPost(
      '[caption id="a" caption="Old style caption"]<img src="x.jpg" />[/caption]'
    )
    expect(text).toBe('Old style caption')
  })

  it('lists per post the scripts, embeds and media shortcodes it left out', async () => {
    const { report, text } = await importPost(
      '<p>Watch this:</p><iframe src="https://www.youtube.com/embed/x"></iframe><script>track()</script>\n\n[gallery ids="1,2,3"]\n\n[embed]https://vimeo.com/1[/embed]'
    )
    expect(text).toBe('Watch this:')
    expect(report.noteCount).toBe(1)
    expect(report.notes[0]).toMatchObject({ position: 1, what: 'item 1 “Post”' })
    expect(report.notes[0].message).toContain('an embedded frame')
    expect(report.notes[0].message).toContain('a script')
    expect(report.notes[0].message).toContain('a [gallery] shortcode')
    expect(report.notes[0].message).toContain('https://vimeo.com/1')
  })
})
