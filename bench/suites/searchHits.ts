import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore, type Core } from '../../src/main/core'
import { BulkIndexing } from '../../src/main/core/search/bulkIndexing'
import { measure, report } from '../harness'
import { seedSearchCorpus } from './searchCorpus'

/** `npm run bench -- search-hits --reviews 100000` measures at 100,000 reviews (opt-in: minutes). */
const REVIEWS = Math.max(1_000, Number(process.env.RJ_BENCH_REVIEWS ?? 5_000) || 5_000)
const RUNS = 20
/** A LIKE scan of 100,000 long reviews takes seconds: fewer runs of it at that size. */
const LIKE_RUNS = REVIEWS > 20_000 ? 5 : RUNS
/** Bump when the corpus changes: a large generated journal is kept between runs under this name. */
const CACHED_CORPUS = `search-hits-v1-${REVIEWS}`

interface Word {
  term: string
  doc: number
}

/** The indexed word whose share of the reviews is nearest `share`. */
function wordNear(core: Core, share: number, where = "term GLOB '[a-z]*'"): Word {
  return core.db
    .prepare(`SELECT term, doc FROM temp.review_words WHERE ${where} ORDER BY abs(doc - ?) LIMIT 1`)
    .get(share * REVIEWS) as Word
}

/** An accented word of the corpus in 1–20% of the reviews, as the index holds it (folded). */
function accentedWord(core: Core): { written: string; folded: Word } {
  const body = core.db.prepare('SELECT body_text FROM reviews LIMIT 1').pluck().get() as string
  const accented = [...new Set(body.split(' ').filter((w) => /é/.test(w)))]
  const share = core.db.prepare('SELECT term, doc FROM temp.review_words WHERE term = ?')
  const words = accented.map((written) => ({
    written,
    folded: share.get(written.replace(/é/g, 'e')) as Word
  }))
  const fit = words.filter((w) => w.folded && w.folded.doc >= REVIEWS * 0.01 && w.folded.doc <= REVIEWS * 0.2)
  return fit[0] ?? words[0]
}

/**
 * Search at 8 and at 100 hits a kind on 5,000 generated ~800-word reviews, for a rare, a 10%
 * and a 98% word, a prefix and an accent-folded word; beside each, the baseline of a plain
 * `LIKE '%word%'` scan over every review's text, in the same run.
 */
export async function searchHitsBench(): Promise<void> {
  const { core, dir, cached } = await corpusJournal()
  try {
    core.db.exec('CREATE VIRTUAL TABLE temp.review_words USING fts5vocab(main, reviews_fts, row)')
    const rare = wordNear(core, 0.002)
    const tenth = wordNear(core, 0.1)
    const nearlyAll = wordNear(core, 0.98)
    const accented = accentedWord(core)
    const pct = (w: Word) => `${((w.doc / REVIEWS) * 100).toFixed(1)}% of reviews`
    const queries: [string, string, string][] = [
      [`rare word "${rare.term}" (${pct(rare)})`, rare.term, rare.term],
      [`10% word "${tenth.term}" (${pct(tenth)})`, tenth.term, tenth.term],
      [`98% word "${nearlyAll.term}" (${pct(nearlyAll)})`, nearlyAll.term, nearlyAll.term],
      [`prefix "${tenth.term.slice(0, 3)}"`, tenth.term.slice(0, 3), tenth.term.slice(0, 3)],
      // Typed without its accent; the LIKE scan can only look for it as written.
      [
        `accent-folded "${accented.folded.term}" for "${accented.written}" (${pct(accented.folded)})`,
        accented.folded.term,
        accented.written
      ]
    ]
    const like = core.db.prepare('SELECT count(*) FROM reviews WHERE body_text LIKE ?').pluck()
    for (const [label, text, written] of queries) {
      report(label, '')
      await measure('  baseline: LIKE scan over reviews.body_text', LIKE_RUNS, () => like.get(`%${written}%`))
      for (const limit of [8, 100]) {
        await measure(`  search, ${limit} hits a kind`, RUNS, async () => {
          const result = await core.dispatch('search.query', { text, limit })
          if (!result.ok) throw new Error(result.error.message)
        })
      }
    }
  } finally {
    core.close()
    if (!cached) rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The generated journal: fresh in a temp folder at the default size; above it, generated once
 * (indexed in bulk at the end, as an import is) and reused from the temp folder afterwards.
 */
async function corpusJournal(): Promise<{ core: Core; dir: string; cached: boolean }> {
  const cached = REVIEWS > 5_000
  const dir = cached
    ? join(tmpdir(), 'review-journal-bench', CACHED_CORPUS)
    : mkdtempSync(join(tmpdir(), 'rj-bench-search-hits-'))
  const complete = join(dir, 'complete')
  if (cached && existsSync(complete)) {
    report('generated journal', `reused from ${dir}`)
    return { core: await openCore({ dataDir: dir, version: 'bench' }), dir, cached }
  }
  if (cached) rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const core = await openCore({ dataDir: dir, version: 'bench' })
  core.db.pragma('synchronous = OFF')
  const started = performance.now()
  if (cached) {
    core.db.pragma('cache_size = -262144')
    core.db.transaction(() => {
      const indexing = new BulkIndexing(core.db)
      seedSearchCorpus(core.db, REVIEWS, 0)
      indexing.finish()
    })()
  } else seedSearchCorpus(core.db, REVIEWS, 0)
  report(
    `generate ${REVIEWS.toLocaleString('en')} reviews (~800 words)`,
    `${((performance.now() - started) / 1000).toFixed(1)} s`
  )
  core.db.pragma('wal_checkpoint(TRUNCATE)')
  if (cached) mkdirSync(complete)
  return { core, dir, cached }
}
