import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { once } from 'node:events'
import { Worker } from 'node:worker_threads'
import { benchJournal, measure, report, sampler } from '../harness'
import { prose, rng } from '../generate'
import { EMPTY_DOC, plainTextToLexical } from '../../src/shared/conversions/plainText'
import type { ConvertedHtml } from '../../src/shared/conversions/html'
import { importFile } from '../../src/main/core/archive/import/importFile'
import { grantFile } from '../../src/main/core/archive/files/grants'
import { decodeTextStream } from '../../src/main/core/archive/import/textDecoding'
import { readWxrText } from '../../src/main/core/archive/formats/wxr/readWxrText'
import type { Db } from '../../src/main/core/db/connection'
import type { Job } from '../../src/main/core/archive/jobs/runJob'
import type { WorkerMessage } from '../../src/main/core/archive/jobs/archiveWorker'

const POSTS = 5_000
const COMMENTS_PER_POST = 10
const COMMENTS = POSTS * COMMENTS_PER_POST

interface RawRows {
  reviews: unknown[][]
  responses: unknown[][]
}

/**
 * Writes a WordPress export of `posts` posts (5,000 unless given; ~300 words of HTML each), each
 * with ten threaded comments; with `keepRows`, also returns the same rows ready for a raw insert.
 */
async function writeExport(path: string, keepRows: boolean, posts = POSTS): Promise<RawRows> {
  const random = rng(11)
  const out = createWriteStream(path)
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain')
  }
  const rows: RawRows = { reviews: [], responses: [] }
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench Blog</title><link>https://bench.example</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://bench.example</wp:base_site_url>\n`)
  let commentId = 0
  for (let p = 1; p <= posts; p++) {
    const text = prose(300, random)
    const html = text
      .split('\n\n')
      .map((para, i) =>
        i === 0
          ? `<h2>Part ${p}</h2>\n${para.replace(/ film /, ' <em>film</em> ')}`
          : para.replace(/ light /, ' <a href="https://example.org/light">light</a> ')
      )
      .join('\n\n')
    const date = new Date(Date.UTC(2010, 0, 1) + p * 86_400_000).toISOString().slice(0, 19).replace('T', ' ')
    if (keepRows)
      rows.reviews.push([
        `r${p}`,
        `Post ${p}`,
        JSON.stringify(plainTextToLexical(text)),
        text,
        300,
        'published',
        `wxr:bench:post:${p}`,
        date,
        date
      ])
    let item = `<item><title><![CDATA[Post ${p}]]></title><link>https://bench.example/p/${p}/</link><wp:post_id>${p}</wp:post_id><wp:post_date_gmt>${date}</wp:post_date_gmt><wp:post_name>post-${p}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:comment_status>open</wp:comment_status><category domain="post_tag" nicename="t${p % 40}"><![CDATA[Tag ${p % 40}]]></category><content:encoded><![CDATA[${html}]]></content:encoded>\n`
    for (let c = 0; c < COMMENTS_PER_POST; c++) {
      commentId++
      const parent = c % 3 === 2 ? commentId - 1 : 0
      const own = c % 5 === 4 ? 1 : 0
      const body = prose(25, random)
      if (keepRows)
        rows.responses.push([
          `c${commentId}`,
          `r${p}`,
          parent ? `c${parent}` : null,
          `Reader ${commentId % 997}`,
          body,
          date,
          own,
          `wxr:bench:comment:${commentId}`,
          date,
          date
        ])
      item += `<wp:comment><wp:comment_id>${commentId}</wp:comment_id><wp:comment_author><![CDATA[Reader ${commentId % 997}]]></wp:comment_author><wp:comment_author_email>r${commentId % 997}@example.org</wp:comment_author_email><wp:comment_date_gmt>${date}</wp:comment_date_gmt><wp:comment_content><![CDATA[${body}]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent><wp:comment_user_id>${own}</wp:comment_user_id></wp:comment>\n`
    }
    await write(item + '</item>\n')
  }
  await write('</channel></rss>\n')
  out.end()
  await once(out, 'finish')
  return rows
}

function insertRaw(db: Db, rows: RawRows): void {
  const review = db.prepare(
    `INSERT INTO reviews (id, title, body, body_text, word_count, status, source_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const response = db.prepare(
    `INSERT INTO responses (id, review_id, parent_id, author_name, body, received_at, is_own_reply, source_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  db.transaction(() => {
    for (const row of rows.reviews) review.run(...row)
    for (const row of rows.responses) response.run(...row)
  })()
}

/**
 * The bundled worker (`out/main`, from `npm run build`, or the folder RJ_OUT_DIR names), or null
 * when the app is not built.
 */
function bundledWorker(): string | null {
  const file = resolve(process.env.RJ_OUT_DIR ?? 'out', 'main/archiveWorker.js')
  return existsSync(file) ? file : null
}

/**
 * Imports `file` as the packaged app does, through the bundled worker, which starts the bundled
 * HTML converter beside it (under Node here, not Electron), and reports the time, the peak
 * memory of the whole process and how far it rose, and the main thread's longest stall.
 */
async function reportBundledImport(
  label: string,
  workerFile: string,
  file: string,
  posts: number,
  targets: { ms?: string; mb?: string; stall?: string } = {}
): Promise<void> {
  const target = await benchJournal()
  const job: Job = {
    kind: 'import',
    path: file,
    displayName: 'bench.xml',
    format: 'wxr',
    dryRun: false,
    dataDir: target.dataDir
  }
  const before = process.memoryUsage().rss / 1024 ** 2
  const watch = sampler()
  const started = performance.now()
  await new Promise<void>((done, fail) => {
    const worker = new Worker(workerFile, {
      workerData: { job, dataDir: target.dataDir },
      env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' }
    })
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'failed') fail(new Error(message.message))
      if (message.type !== 'done') return
      const imported = message.result.kind === 'import' ? message.result.report.counts.response.created : 0
      if (imported === posts * COMMENTS_PER_POST) done()
      else fail(new Error(`the bundled worker imported ${imported} comments`))
    })
    worker.on('error', fail)
  })
  const elapsed = performance.now() - started
  const { peakMb, worstStallMs } = watch.stop()
  target.done()
  const rows = posts * (1 + COMMENTS_PER_POST)
  report(label, `${elapsed.toFixed(0)} ms, ${Math.round(rows / (elapsed / 1000))} rows/s${targets.ms ?? ''}`)
  report(
    '  peak RSS of the whole process (sampled every 10 ms)',
    `${peakMb.toFixed(0)} MB${targets.mb ?? ''}, ${(peakMb - before).toFixed(0)} MB above the ${before.toFixed(0)} MB before it`
  )
  report(
    '  longest main-thread stall during the import',
    `${worstStallMs.toFixed(1)} ms${targets.stall ?? ''}`
  )
}

async function readOnly(path: string, htmlToDoc?: () => ConvertedHtml): Promise<number> {
  let n = 0
  const chunks = decodeTextStream(
    createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>,
    'bench.xml'
  )
  for await (const _record of readWxrText(chunks, {
    label: 'bench.xml',
    maxFieldChars: 64 * 1024 ** 2,
    htmlToDoc
  }))
    n++
  return n
}

/**
 * WordPress import of 5,000 posts and 50,000 comments, split into where the time goes (reading
 * the XML, converting HTML, writing and indexing), beside a raw insert of the same rows.
 */
export async function wxrBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rj-bench-wxr-'))
  const file = join(dir, 'bench.xml')
  // The raw insert's rows are made after the worker's run, so they are not in its peak memory.
  await writeExport(file, false)
  const total = POSTS + COMMENTS
  report(
    '  generated WXR',
    `${POSTS} posts, ${COMMENTS} comments, ${(statSync(file).size / 1024 ** 2).toFixed(1)} MB`
  )
  const never = new AbortController().signal
  const targets: Awaited<ReturnType<typeof benchJournal>>[] = []

  // The real paths first (a worker thread with its own connection, the main thread left free),
  // so their peak memory is not mixed with the journals the runs below leave behind.
  const bundled = bundledWorker()
  if (bundled) {
    const label = 'wxr: import through the bundled worker, as the app ships it (backup and commit included)'
    await reportBundledImport(label, bundled, file, POSTS, {
      ms: ' (target ≤ 10,000 ms)',
      mb: ' (target ≤ 400 MB)',
      stall: ' (target ≤ 50 ms)'
    })
  } else {
    report('wxr: import through the bundled worker', 'skipped: no out/main/archiveWorker.js (npm run build)')
  }
  const target = await benchJournal()
  const { fileId } = grantFile(file, 'read')
  const watch = sampler()
  const started = performance.now()
  const result = await target.dispatch('archive.import', { fileId, format: 'wxr' })
  const elapsed = performance.now() - started
  const { peakMb, worstStallMs } = watch.stop()
  if (!result.ok) throw new Error(result.error.message)
  report(
    'wxr: import through the worker run from source (tsx), as the channel starts it',
    `${elapsed.toFixed(0)} ms`
  )
  report('  peak RSS of the whole process (sampled every 10 ms)', `${peakMb.toFixed(0)} MB`)
  report('  longest main-thread stall during the import', `${worstStallMs.toFixed(1)} ms`)
  target.done()

  const rows = await writeExport(join(dir, 'same.xml'), true)
  const parse = await measure(
    'wxr: read and thread the XML only (no HTML conversion, no writes)',
    3,
    () => readOnly(file, () => ({ doc: EMPTY_DOC, dropped: [] })),
    1
  )
  const convert = await measure(
    'wxr: read + convert post HTML to Lexical (no writes)',
    3,
    () => readOnly(file),
    1
  )
  const cpuBefore = process.cpuUsage()
  const imported = await measure(
    `wxr: import into an empty journal, in process (${total} rows)`,
    3,
    async () => {
      const target = await benchJournal()
      targets.push(target)
      const { report: r } = await importFile(target.db, file, {
        format: 'wxr',
        dryRun: false,
        dataDir: target.dataDir,
        signal: never,
        progress: () => {}
      })
      if (r.counts.response.created !== COMMENTS)
        throw new Error(`imported ${r.counts.response.created} responses`)
    },
    0
  )
  const cpu = process.cpuUsage(cpuBefore)
  report(
    '  CPU time per in-process import (user + system; immune to a busy machine)',
    `${((cpu.user + cpu.system) / 1000 / 3).toFixed(0)} ms`
  )
  const raw = await measure(
    `baseline: raw insert of the same ${total} rows, one transaction`,
    3,
    async () => {
      const target = await benchJournal()
      targets.push(target)
      insertRaw(target.db, rows)
    },
    0
  )
  const rawNoIndex = await measure(
    'baseline: the same raw insert without the full-text triggers',
    3,
    async () => {
      const target = await benchJournal()
      targets.push(target)
      for (const name of ['reviews_fts_insert', 'responses_fts_insert'])
        target.db.exec(`DROP TRIGGER ${name}`)
      insertRaw(target.db, rows)
    },
    0
  )
  for (const t of targets.splice(0)) t.done()
  const ms = (s: { medianMs: number }) => s.medianMs
  report(
    '  where the time goes (medians)',
    `parsing ${ms(parse).toFixed(0)} ms, HTML conversion ${(ms(convert) - ms(parse)).toFixed(0)} ms, merging + writing + indexing ${(ms(imported) - ms(convert)).toFixed(0)} ms`
  )
  report(
    '  full-text indexing row by row, in the raw insert',
    `≈ ${(ms(raw) - ms(rawNoIndex)).toFixed(0)} ms`
  )
  report(
    '  rates',
    `import ${Math.round(total / (ms(imported) / 1000))} rows/s, raw ${Math.round(total / (ms(raw) / 1000))} rows/s (${((ms(raw) / ms(imported)) * 100).toFixed(0)}% of raw); target ≤ 10,000 ms`
  )

  rmSync(dir, { recursive: true, force: true })
}

/**
 * A legitimate export of about 200 MB (25,000 posts, 250,000 comments) through the bundled
 * worker: it must import streamed, in memory bounded like the small one's.
 */
export async function wxrLargeBench(): Promise<void> {
  const bundled = bundledWorker()
  if (!bundled) return report('wxr-large', 'skipped: no out/main/archiveWorker.js (npm run build)')
  const dir = mkdtempSync(join(tmpdir(), 'rj-bench-wxr-large-'))
  const file = join(dir, 'large.xml')
  const posts = POSTS * 5
  await writeExport(file, false, posts)
  report(
    '  generated WXR',
    `${posts} posts, ${posts * COMMENTS_PER_POST} comments, ${(statSync(file).size / 1024 ** 2).toFixed(0)} MB`
  )
  await reportBundledImport(
    'wxr-large: import of the 200 MB export through the bundled worker',
    bundled,
    file,
    posts
  )
  rmSync(dir, { recursive: true, force: true })
}
