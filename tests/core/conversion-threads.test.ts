import { describe, expect, it } from 'vitest'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { DEFAULT_LIMITS } from '../../src/main/core/archive/files/limits'
import { join, resolve } from 'node:path'
import type { Worker } from 'node:worker_threads'
import { readWxrText } from '../../src/main/core/archive/formats/wxr/readWxrText'
import { ConversionPool } from '../../src/main/core/archive/jobs/conversionPool'
import { convertReviewHtml } from '../../src/main/core/conversions/dom'
import { runJob } from '../../src/main/core/archive/jobs/runJob'
import { importFile } from '../../src/main/core/archive/import/importFile'
import type { ImportRecord } from '../../src/main/core/archive/records'
import type { ConvertedHtml } from '../../src/shared/conversions/html'
import { markdownToLexical } from '../../src/shared/conversions/markdown'
import { openTestJournal, tempDir } from '../support/journal'
import { importHere, snapshot } from './archive.support'

const blog = resolve(__dirname, '../fixtures/wxr/film-blog.xml')

async function readAll(convertHtml?: (html: string) => Promise<ConvertedHtml>): Promise<ImportRecord[]> {
  const text = readFileSync(blog, 'utf8')
  // Small pieces, so that items arrive across many writes to the parser.
  const chunks = (async function* () {
    for (let i = 0; i < text.length; i += 200) yield text.slice(i, i + 200)
  })()
  const records: ImportRecord[] = []
  for await (const record of readWxrText(chunks, {
    label: 'film-blog.xml',
    maxFieldChars: 1_000_000,
    convertHtml
  }))
    records.push(record)
  return records
}

/** The pool's running threads (private: read here to stop one as a crash would). */
function threadsOf(pool: ConversionPool): Worker[] {
  return (pool as unknown as { runs: { thread: Worker }[] }).runs.map((run) => run.thread)
}

/** Answers after a delay that differs per call, so answers come back out of order. */
function slowConverter(fail?: (html: string) => boolean) {
  let calls = 0
  return (html: string) =>
    new Promise<ConvertedHtml>((resolve, reject) => {
      const delay = (calls++ % 3) * 15
      setTimeout(
        () => (fail?.(html) ? reject(new Error('the converter gave up')) : resolve(convertReviewHtml(html))),
        delay
      )
    })
}

describe('imports with their documents converted in other threads', () => {
  it('reads the same records, in the same order, as converting in place', async () => {
    const inPlace = await readAll()
    expect(inPlace.filter((r) => r.kind === 'review')).toHaveLength(3)
    expect(await readAll(slowConverter())).toEqual(inPlace)
  })

  it('reports a post whose conversion fails as a problem at its item, and keeps the rest', async () => {
    const inPlace = await readAll()
    const records = await readAll(slowConverter((html) => html.includes('companion')))
    const problem = records.find((r) => r.kind === 'problem')
    const failed = inPlace.find((r) => r.kind === 'review' && JSON.stringify(r.body).includes('companion'))
    expect(problem).toMatchObject({
      position: failed?.position,
      message: 'This item could not be read: the converter gave up'
    })
    // The failed item's review and responses are left out; every other record is as before.
    expect(records.filter((r) => r.kind !== 'problem')).toEqual(
      inPlace.filter((r) => r.position !== failed?.position)
    )
  })

  const html =
    '<h2>Her</h2><p>A <em>lonely</em> man and <a href="https://example.org">a voice</a>.</p><ul><li>one</li></ul>'
  // Long enough to convert that the thread is stopped before it can answer.
  const long = '<p>A long review, paragraph after paragraph.</p>'.repeat(5_000)

  it('converts in a real thread exactly as in place, and starts a new thread after close', async () => {
    const converter = new ConversionPool(false, 1)
    try {
      expect(await converter.html(html)).toEqual(convertReviewHtml(html))
      const owed = converter.html(long)
      await converter.close()
      await expect(owed).rejects.toThrow('the conversion stopped before it answered')
      expect(await converter.html('<p>Again.</p>')).toEqual(convertReviewHtml('<p>Again.</p>'))
      expect(threadsOf(converter)).toHaveLength(1)
    } finally {
      await converter.close()
    }
  }, 60_000)

  it('spreads conversions over its threads, HTML and Markdown alike, each answer its own', async () => {
    const pool = new ConversionPool(false, 2)
    try {
      const notes = Array.from({ length: 12 }, (_, i) => `# Note ${i}\n\nA *short* note, number ${i}.`)
      const [first, ...rest] = await Promise.all([
        pool.html(html),
        ...notes.map((note) => pool.markdown(note))
      ])
      expect(first).toEqual(convertReviewHtml(html))
      expect(rest).toEqual(notes.map((note) => markdownToLexical(note)))
      expect(threadsOf(pool)).toHaveLength(2)
    } finally {
      await pool.close()
    }
  }, 60_000)

  it('converts in place once its last thread has died, failing only what that thread owed', async () => {
    const converter = new ConversionPool(false, 1)
    try {
      await converter.html(html)
      const owed = converter.html(long)
      // As when the thread runs out of memory: it ends without being asked to.
      await threadsOf(converter)[0]?.terminate()
      await expect(owed).rejects.toThrow('the conversion stopped before it answered')
      expect(await converter.html(html)).toEqual(convertReviewHtml(html))
      expect(threadsOf(converter)).toEqual([])
    } finally {
      await converter.close()
    }
  }, 60_000)

  it('cancelled with conversions still in flight, leaves the journal as it was and nothing unhandled', async () => {
    const file = join(tempDir(), 'many-posts.xml')
    const post = (n: number) =>
      `<item><title>Post ${n}</title><wp:post_id>${n}</wp:post_id><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>` +
      `<content:encoded><![CDATA[${'<p>A paragraph of a long review, with <em>some</em> emphasis.</p>'.repeat(400)}]]></content:encoded></item>`
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">` +
        `<channel><title>Many</title><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://many.example</wp:base_site_url>` +
        Array.from({ length: 100 }, (_, i) => post(i + 1)).join('') +
        '</channel></rss>'
    )
    const journal = await openTestJournal()
    const before = snapshot(journal.db)
    const controller = new AbortController()
    const job = {
      kind: 'import',
      path: file,
      displayName: 'many-posts.xml',
      format: 'auto',
      dryRun: false,
      dataDir: journal.dataDir
    } as const
    // Progress comes as each piece of the file is read: at the second, the first piece's posts
    // are with the converter, and the cancel leaves them unanswered.
    let pieces = 0
    const outcome = runJob(journal.db, job, controller.signal, () => ++pieces === 2 && controller.abort())
    await expect(outcome).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(snapshot(journal.db)).toEqual(before)
  }, 60_000)

  it('imports through the background job (conversion thread included) the same journal as in place', async () => {
    const project = (db: import('../../src/main/core/db/connection').Db) => ({
      reviews: db
        .prepare('SELECT source_key, title, body, body_text, status FROM reviews ORDER BY source_key')
        .all(),
      responses: db
        .prepare(
          'SELECT r.source_key, p.source_key AS parent, r.body, r.status FROM responses r LEFT JOIN responses p ON p.id = r.parent_id ORDER BY r.source_key'
        )
        .all()
    })
    const here = await openTestJournal()
    await importHere(here.db, here.dataDir, blog)
    const job = await openTestJournal()
    const result = await runJob(
      job.db,
      {
        kind: 'import',
        path: blog,
        displayName: 'film-blog.xml',
        format: 'auto',
        dryRun: false,
        dataDir: job.dataDir
      },
      new AbortController().signal,
      () => {}
    )
    expect(result).toMatchObject({
      kind: 'import',
      report: { format: 'wxr', counts: { review: { created: 3 }, response: { created: 5 } } }
    })
    expect(project(job.db)).toEqual(project(here.db))
  }, 60_000)

  it('imports a Markdown folder with its notes converted in threads the same as in place, problems in their places', async () => {
    const folder = join(tempDir(), 'notes')
    mkdirSync(folder)
    for (let i = 0; i < 80; i++)
      writeFileSync(
        join(folder, `note-${String(i).padStart(2, '0')}.md`),
        `# Note ${i}\n\nA *note*, number **${i}**.\n\n- one\n- two\n`
      )
    // A file too large to read and a note whose front matter is broken: each problem stays at its place.
    writeFileSync(join(folder, 'note-40.md'), 'x'.repeat(300))
    writeFileSync(join(folder, 'note-50.md'), '---\ntitle: [unclosed\n---\n\nText.\n')
    const project = (db: import('../../src/main/core/db/connection').Db) =>
      db.prepare('SELECT source_key, title, body, body_text FROM reviews ORDER BY source_key').all()
    const limits = { ...DEFAULT_LIMITS, maxDocumentBytes: 200 }
    const here = await openTestJournal()
    const inPlace = await importHere(here.db, here.dataDir, folder, { limits })
    const threaded = await openTestJournal()
    const pool = new ConversionPool(false, 2)
    try {
      const { report } = await importFile(threaded.db, folder, {
        format: 'auto',
        dryRun: false,
        dataDir: threaded.dataDir,
        signal: new AbortController().signal,
        progress: () => {},
        limits,
        convertMarkdown: (markdown) => pool.markdown(markdown)
      })
      expect(threadsOf(pool)).toHaveLength(2)
      expect(report.counts.review.created).toBe(78)
      expect(report.problems).toEqual(inPlace.report.problems)
      expect(report.problems.map((p) => p.position)).toEqual([41, 51])
    } finally {
      await pool.close()
    }
    expect(project(threaded.db)).toEqual(project(here.db))
  }, 60_000)

  it('imports Markdown through the background job, conversion threads included', async () => {
    const folder = join(tempDir(), 'notes')
    mkdirSync(folder)
    for (let i = 0; i < 5; i++) writeFileSync(join(folder, `note-${i}.md`), `# Note ${i}\n\nA *note*.\n`)
    const journal = await openTestJournal()
    const result = await runJob(
      journal.db,
      {
        kind: 'import',
        path: folder,
        displayName: 'notes',
        format: 'auto',
        dryRun: false,
        dataDir: journal.dataDir
      },
      new AbortController().signal,
      () => {}
    )
    expect(result).toMatchObject({
      kind: 'import',
      report: { format: 'markdown', counts: { review: { created: 5 } }, problems: [] }
    })
    expect(journal.db.prepare("SELECT body_text FROM reviews WHERE title = 'Note 3'").pluck().get()).toBe(
      'A note.'
    )
  }, 60_000)
})
