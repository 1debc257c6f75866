import { join } from 'node:path'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { benchJournal, measure, report, sampler } from '../harness'
import { prose, rng } from '../generate'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'
import { runJob } from '../../src/main/core/archive/jobs/runJob'
import { importFile } from '../../src/main/core/archive/import/importFile'
import { grantFile } from '../../src/main/core/archive/files/grants'
import type { Db } from '../../src/main/core/db/connection'

const REVIEWS = 10_000
const REVISIONS_PER_REVIEW = 3
const WORKS = 2_000

interface Generated {
  works: unknown[][]
  reviews: unknown[][]
  revisions: unknown[][]
}

/** 10,000 reviews of ~150 words, each with 3 revisions, on 2,000 films: rows ready to insert. */
export function generate(): Generated {
  const random = rng(7)
  const at = (n: number) => new Date(Date.UTC(2015, 0, 1) + n * 3_600_000).toISOString()
  const works = Array.from({ length: WORKS }, (_, i) => [
    `work-${i}`,
    `Film number ${i}`,
    1950 + (i % 70),
    '["A. Director"]',
    at(i),
    at(i)
  ])
  const reviews: unknown[][] = []
  const revisions: unknown[][] = []
  for (let i = 0; i < REVIEWS; i++) {
    const text = prose(150, random)
    const body = JSON.stringify(plainTextToLexical(text))
    reviews.push([
      `review-${i}`,
      `work-${i % WORKS}`,
      `Review ${i}`,
      body,
      text,
      150,
      (1 + (i % 10)) / 2,
      i % 3 === 0 ? 'published' : 'draft',
      at(i),
      at(i + 1)
    ])
    for (let v = 0; v < REVISIONS_PER_REVIEW; v++) {
      revisions.push([`rev-${i}-${v}`, `review-${i}`, `Review ${i}`, body, text, 150, 'edit', at(i)])
    }
  }
  return { works, reviews, revisions }
}

export function insertRaw(db: Db, data: Generated): void {
  const w = db.prepare(
    'INSERT INTO works (id, title, year, directors, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)'
  )
  const r = db.prepare(
    'INSERT INTO reviews (id, work_id, title, body, body_text, word_count, rating, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
  )
  const v = db.prepare(
    'INSERT INTO review_revisions (id, review_id, title, body, body_text, word_count, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
  )
  db.transaction(() => {
    for (const row of data.works) w.run(...row)
    for (const row of data.reviews) r.run(...row)
    for (const row of data.revisions) v.run(...row)
  })()
}

/**
 * The journal archive at 10,000 reviews with 30,000 revisions: export, then import into an
 * empty journal, beside a raw better-sqlite3 insert of the same rows in one transaction.
 */
export async function archiveBench(): Promise<void> {
  const data = generate()
  const rows = data.works.length + data.reviews.length + data.revisions.length
  const source = await benchJournal()
  insertRaw(source.db, data)
  const dir = mkdtempSync(join(tmpdir(), 'rj-bench-archive-'))
  const file = join(dir, 'bench.rjarchive')
  const never = new AbortController().signal
  const exported = await measure(
    `core: export archive (${REVIEWS} reviews, ${REVIEWS * REVISIONS_PER_REVIEW} revisions)`,
    3,
    () =>
      runJob(
        source.db,
        { kind: 'export', format: 'archive', outPath: file, appVersion: 'bench' },
        never,
        () => {}
      ),
    1
  )
  report('  archive size', `${(statSync(file).size / 1024 ** 2).toFixed(1)} MB`)

  const targets: Awaited<ReturnType<typeof benchJournal>>[] = []
  const imported = await measure(
    `core: import archive into an empty journal (${rows} rows)`,
    3,
    async () => {
      const target = await benchJournal()
      targets.push(target)
      await importFile(target.db, file, {
        format: 'archive',
        dryRun: false,
        dataDir: target.dataDir,
        signal: never,
        progress: () => {}
      })
    },
    0
  )
  const raw = await measure(
    `baseline: raw insert of the same ${rows} rows, one transaction`,
    3,
    async () => {
      const target = await benchJournal()
      targets.push(target)
      insertRaw(target.db, data)
    },
    0
  )
  report(
    '  rates',
    `import ${Math.round(rows / (imported.medianMs / 1000))} rows/s, raw ${Math.round(rows / (raw.medianMs / 1000))} rows/s (${((raw.medianMs / imported.medianMs) * 100).toFixed(0)}% of raw)`
  )
  report(
    '  export vs import',
    `export median ${exported.medianMs.toFixed(0)} ms (target ≤ 5,000), import median ${imported.medianMs.toFixed(0)} ms (target ≤ 10,000)`
  )

  // The real path: a worker thread with its own connection, the main thread left free.
  const target = await benchJournal()
  targets.push(target)
  const { fileId } = grantFile(file, 'read')
  const watch = sampler()
  const started = performance.now()
  const result = await target.dispatch('archive.import', { fileId, format: 'archive' })
  const elapsed = performance.now() - started
  const { peakMb, worstStallMs } = watch.stop()
  if (!result.ok) throw new Error(result.error.message)
  report('core: import through the worker (start-up, backup and commit included)', `${elapsed.toFixed(0)} ms`)
  report('  peak RSS of the whole process (sampled every 10 ms)', `${peakMb.toFixed(0)} MB`)
  report('  longest main-thread stall during the import', `${worstStallMs.toFixed(1)} ms`)

  for (const t of targets) t.done()
  source.done()
  rmSync(dir, { recursive: true, force: true })
}
