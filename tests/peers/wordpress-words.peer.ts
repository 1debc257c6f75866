import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { convertReviewHtml } from '../../src/main/core/conversions/dom'
import { addParagraphs } from '../../src/main/core/archive/formats/wxr/htmlText'
import { expandShortcodes } from '../../src/main/core/archive/formats/wxr/shortcodes'
import type { DroppedPart } from '../../src/shared/conversions/html'
import { IMPORTABLE, WORDPRESS_DIR, importedJournal, itemsOf, missingFrom, words } from './wxrPeer'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * The shortcodes WordPress registers itself, as the page shows them: their brackets never appear
 * (a caption shows its text, a gallery or an embed its media), so the reference page has them
 * taken out, and what they held stays for the browser to show.
 */
const SHORTCODE_TAG = /\[\/?(?:caption|wp_caption|gallery|embed|audio|video|playlist)\b[^\]]*\]/gi

/** What a shortcode's tag shows: nothing, but for an old caption given as an attribute. */
function shownOfTag(tag: string): string {
  const caption = /^\[(?:wp_)?caption\b[^\]]*\bcaption=(?:"([^"]*)"|'([^']*)')/i.exec(tag)
  return caption ? ` ${caption[1] ?? caption[2]} ` : ' '
}

/** The post's visible text in Chromium: `innerText` of its HTML in a page (nothing loaded, no scripts run). */
async function browserText(page: Page, html: string): Promise<string> {
  return page.evaluate(
    (content) => {
      const holder = document.createElement('div')
      holder.innerHTML = content
      document.body.replaceChildren(holder)
      return holder.innerText
    },
    html.replace(SHORTCODE_TAG, shownOfTag)
  )
}

interface FileFigures {
  file: string
  posts: number
  comments: number
  parents: number
  browserWords: number
  keptWords: number
  explained: number
  unexplained: string[]
  extra: string[]
  postsWithNotes: number
  postsNeedingNotes: number
}

const figures: FileFigures[] = []

// WordPress's test exports live beside the repository only on a project machine, and the
// comparison needs a Chromium: without either the suite says why it did not run.
describe.skipIf(!existsSync(WORDPRESS_DIR) || !existsSync(CHROMIUM))(
  "words kept versus Chromium's rendering of WordPress's test exports",
  () => {
    let browser: Browser
    let page: Page
    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run']
      })
      page = await browser.newPage({ javaScriptEnabled: true })
      // Nothing a post names (images, frames) is fetched.
      await page.route('**/*', (route) => route.abort())
    })
    afterAll(async () => {
      await browser?.close()
      console.table(
        figures.map((f) => ({
          file: f.file,
          posts: f.posts,
          comments: f.comments,
          'replies with parent': f.parents,
          'browser words': f.browserWords,
          'words kept': f.keptWords,
          'kept %': f.browserWords
            ? Number(
                ((100 * (f.browserWords - f.explained - f.unexplained.length)) / f.browserWords).toFixed(2)
              )
            : 100,
          'left out on purpose (listed)': f.explained,
          'missing, unexplained': f.unexplained.length,
          'extra words': f.extra.length
        }))
      )
    })

    for (const file of IMPORTABLE) {
      it(`${file}: every visible word kept, or left out on purpose and listed in the report`, async () => {
        const path = join(WORDPRESS_DIR, file)
        const { journal, report } = await importedJournal(path)
        const db = journal.db
        const stored = db.prepare('SELECT source_key, body_text FROM reviews').all() as {
          source_key: string
          body_text: string
        }[]
        const textByPostId = new Map(stored.map((r) => [r.source_key.replace(/^.*:post:/, ''), r.body_text]))
        const notedPositions = new Set(report.notes.map((n) => n.position))
        const f: FileFigures = {
          file,
          posts: stored.length,
          comments: db.prepare('SELECT count(*) FROM responses').pluck().get() as number,
          parents: db
            .prepare('SELECT count(*) FROM responses WHERE parent_id IS NOT NULL')
            .pluck()
            .get() as number,
          browserWords: 0,
          keptWords: 0,
          explained: 0,
          unexplained: [],
          extra: [],
          postsWithNotes: 0,
          postsNeedingNotes: 0
        }
        for (const [index, item] of itemsOf(path).entries()) {
          const text = textByPostId.get((item.fields['wp:post_id'] ?? '').trim())
          if (text === undefined || (item.fields['wp:post_type'] ?? '').trim() !== 'post') continue
          const html = item.fields['content:encoded'] ?? ''
          const seen = words(await browserText(page, html))
          const kept = words(text)
          // What our conversion leaves out on purpose, with the text it held.
          const dropped: DroppedPart[] = []
          dropped.push(...convertReviewHtml(addParagraphs(expandShortcodes(html, dropped))).dropped)
          const missing = missingFrom(seen, kept)
          const unexplained = missingFrom(
            missing,
            dropped.flatMap((d) => words(d.text))
          )
          f.browserWords += seen.length
          f.keptWords += kept.length
          f.explained += missing.length - unexplained.length
          f.unexplained.push(...unexplained.map((w) => `${item.fields['wp:post_id']}:${w}`))
          f.extra.push(...missingFrom(kept, seen).map((w) => `${item.fields['wp:post_id']}:${w}`))
          if (dropped.length) {
            f.postsNeedingNotes++
            if (notedPositions.has(index + 1)) f.postsWithNotes++
          }
        }
        figures.push(f)
        expect(f.unexplained, 'visible words lost without a reason').toEqual([])
        expect(f.extra, 'words we show that the page does not').toEqual([])
        expect(f.postsWithNotes, 'posts whose left-out parts the report lists').toBe(f.postsNeedingNotes)
      })
    }
  }
)
