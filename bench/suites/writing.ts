import { benchJournal, call, measure, report } from '../harness'
import { prose, proseDoc, rng } from '../generate'
import { htmlToLexical, lexicalToHtml } from '../../src/shared/conversions/html'
import { lexicalToMarkdown, markdownToLexical } from '../../src/shared/conversions/markdown'
import { parseHtmlDocument } from '../../src/main/core/conversions/dom'
import { CHECKPOINT_IDLE_MS } from '../../src/main/core/db/checkpoint'

/** A short WordPress-like post: a few paragraphs with emphasis and a link. */
function post(random: () => number): string {
  const paragraphs = prose(300, random).split('\n\n')
  return paragraphs
    .map(
      (p, i) =>
        `<p>${p.replace(/^(\w+ \w+)/, '<strong>$1</strong>').replace(/ (\w+)\.$/, ` <a href="https://example.com/${i}">$1</a>.`)}</p>`
    )
    .join('\n')
}

/**
 * Writing: opening and durably saving a 20,000-word review (with its history kept), against raw
 * SELECT/UPDATE baselines; and the conversions the importers lean on, against linkedom's parse.
 */
export async function writingBench(): Promise<void> {
  const journal = await benchJournal()
  const random = rng(3)
  const docs = [proseDoc(20_000, random), proseDoc(20_000, random)]
  const review = await call(journal, 'reviews.create', { title: 'Long read', body: docs[0] })
  let i = 0
  await measure('core: open a 20,000-word review (reviews.get)', 100, async () => {
    await call(journal, 'reviews.get', { id: review.id })
  })
  const rawGet = journal.db.prepare('SELECT body FROM reviews WHERE id = ?')
  await measure('baseline: raw SELECT of the body, no JSON.parse', 100, () => rawGet.get(review.id))

  // Autosaves come at least 600 ms apart (SAVE_DELAY_MS), and the core checkpoints the log in
  // such pauses rather than inside a save; the save loops pause as the app does, untimed.
  const pause = CHECKPOINT_IDLE_MS + 50
  // Alternating documents: every save replaces most of the text, so each one also starts a
  // new snapshot in the history — the most expensive kind of save there is.
  await measure(
    'core: durable save of a 20,000-word review, new snapshot each time',
    100,
    async () => {
      await call(journal, 'reviews.save', { id: review.id, body: docs[i++ % 2] })
    },
    2,
    pause
  )
  const typed = structuredClone(docs[0])
  const firstText = (typed.root.children[0] as { children: { text: string }[] }).children[0]!
  await measure(
    'core: durable save while typing (edit folds into snapshot)',
    100,
    async () => {
      firstText.text += ' word'
      await call(journal, 'reviews.save', { id: review.id, body: typed })
    },
    2,
    pause
  )
  // The same saves back to back, with no pause for a checkpoint: a burst no autosave makes, where
  // SQLite's own checkpoint (the 64 MB backstop) lands inside one of the saves.
  await measure('core: the same saves back to back (no idle pauses)', 100, async () => {
    firstText.text += ' word'
    await call(journal, 'reviews.save', { id: review.id, body: typed })
  })
  // What the pause after those saves then spends copying the log into the database file.
  const checkpointStart = performance.now()
  journal.db.pragma('wal_checkpoint(PASSIVE)')
  report(
    '  then, when idle: the checkpoint those saves left',
    `${(performance.now() - checkpointStart).toFixed(1)} ms`
  )
  const bodyJson = JSON.stringify(docs[0])
  const raw = journal.db.prepare('UPDATE reviews SET body = ?, updated_at = ? WHERE id = ?')
  await measure('baseline: raw UPDATE of the same body JSON (FULL sync)', 100, () =>
    raw.run(bodyJson, String(i++), review.id)
  )
  journal.done()

  const posts = Array.from({ length: 200 }, () => post(random))
  const bytes = posts.reduce((n, p) => n + p.length, 0) / posts.length
  let k = 0
  const html = await measure(
    `conversions: HTML post → Lexical (~${Math.round(bytes)} bytes, sanitised)`,
    400,
    () => htmlToLexical(posts[k++ % posts.length]!, parseHtmlDocument)
  )
  report('conversions: 5,000 WXR posts at that median', `${((html.medianMs * 5000) / 1000).toFixed(1)} s`)
  await measure('baseline: linkedom parse of the same post only', 400, () =>
    parseHtmlDocument(posts[k++ % posts.length]!)
  )
  const longDoc = docs[0]
  await measure('conversions: 20,000-word review → HTML', 20, () => lexicalToHtml(longDoc))
  const md = lexicalToMarkdown(longDoc)
  await measure('conversions: 20,000-word review → Markdown', 10, () => lexicalToMarkdown(longDoc))
  await measure('conversions: 20,000-word Markdown → Lexical', 10, () => markdownToLexical(md))
  await measure('baseline: JSON.stringify of the same review', 20, () => JSON.stringify(longDoc))
}
