import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore, type Core } from '../../src/main/core'
import { call, measure, report } from '../harness'
import { seedSearchCorpus } from './searchCorpus'

/** SEARCH_BENCH_SCALE=0.1 runs a tenth of the corpus, for a quick look; 1 is the real size. */
const SCALE = Math.min(1, Math.max(0.01, Number(process.env.SEARCH_BENCH_SCALE ?? 1) || 1))
const REVIEWS = Math.round(100_000 * SCALE)
const RESPONSES = Math.round(300_000 * SCALE)
/** Bump when the corpus changes: the generated journal is kept between runs under this name. */
const CORPUS_VERSION = SCALE === 1 ? 'search-corpus-v1' : `search-corpus-v1-scale-${SCALE}`

/**
 * Opens the 100,000-review journal, generating it on the first run (minutes: every word goes
 * through the real full-text triggers) and reusing it afterwards from the temp folder.
 */
async function corpusJournal(): Promise<Core> {
  const dir = join(tmpdir(), 'review-journal-bench', CORPUS_VERSION)
  const ready = join(dir, 'complete')
  if (!existsSync(ready)) {
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    const core = await openCore({ dataDir: dir, version: 'bench' })
    core.db.pragma('synchronous = OFF')
    core.db.pragma('cache_size = -262144')
    const started = performance.now()
    seedSearchCorpus(core.db, REVIEWS, RESPONSES)
    report(
      'generate 100,000 reviews (~800 words) + 300,000 responses',
      `${((performance.now() - started) / 1000).toFixed(1)} s`
    )
    core.db.pragma('wal_checkpoint(TRUNCATE)')
    core.close()
    mkdirSync(ready)
  } else report('generated journal', `reused from ${dir}`)
  return openCore({ dataDir: dir, version: 'bench' })
}

interface Term {
  term: string
  doc: number
}

/** Words by how many documents hold them, read from the review and response indexes themselves. */
function termsByFrequency(core: Core, low: number, high: number, limit: number): Term[] {
  return core.db
    .prepare(
      `SELECT term, sum(doc) AS doc FROM (
         SELECT term, doc FROM temp.review_vocab WHERE term GLOB '[a-z]*'
         UNION ALL SELECT term, doc FROM temp.response_vocab WHERE term GLOB '[a-z]*')
       GROUP BY term HAVING sum(doc) BETWEEN ? AND ? ORDER BY sum(doc) DESC LIMIT ?`
    )
    .all(low, high, limit) as Term[]
}

/** The same words searched the naive way: a LIKE scan over every review and response. */
function likeScan(core: Core, words: string[]): number {
  const reviewMatch = words.map(() => '(r.title LIKE ? OR r.body_text LIKE ?)').join(' AND ')
  const responseMatch = words.map(() => 'p.body LIKE ?').join(' AND ')
  const patterns = words.map((w) => `%${w}%`)
  const row = core.db
    .prepare(
      `SELECT (SELECT count(*) FROM reviews r WHERE r.deleted_at IS NULL AND ${reviewMatch})
            + (SELECT count(*) FROM responses p WHERE ${responseMatch}) AS n`
    )
    .get(...patterns.flatMap((p) => [p, p]), ...patterns) as { n: number }
  return row.n
}

async function compare(core: Core, label: string, queries: string[], runs: number): Promise<void> {
  let i = 0
  await measure(`search: ${label}`, runs, () =>
    call(core, 'search.query', { text: queries[i++ % queries.length] })
  )
  let j = 0
  await measure(
    `  baseline LIKE scan: ${label}`,
    Math.min(queries.length, 4),
    () => likeScan(core, queries[j++ % queries.length].replace(/"/g, '').split(' ')),
    0
  )
}

/** Search over 400,000 documents: rare words, the commonest words, phrases and typing prefixes. */
export async function searchBench(): Promise<void> {
  const core = await corpusJournal()
  try {
    core.db.exec('CREATE VIRTUAL TABLE temp.review_vocab USING fts5vocab(main, reviews_fts, row)')
    core.db.exec('CREATE VIRTUAL TABLE temp.response_vocab USING fts5vocab(main, responses_fts, row)')
    const docs = core.db
      .prepare('SELECT (SELECT count(*) FROM reviews_fts) + (SELECT count(*) FROM responses_fts)')
      .pluck()
      .get() as number
    const rare = termsByFrequency(core, Math.round(docs * 0.01), Math.round(docs * 0.1), 12)
    const common = termsByFrequency(core, Math.round(docs * 0.3), docs, 6)
    const pct = (t: Term) => `${t.term} ${((t.doc / docs) * 100).toFixed(1)}%`
    report('documents in the index', docs.toLocaleString('en'))
    report('rare words (share of documents)', rare.slice(0, 6).map(pct).join(', ') + ' …')
    report('common words (share of documents)', common.map(pct).join(', '))

    await compare(
      core,
      'a word in 1–10% of documents',
      rare.map((t) => t.term),
      60
    )
    await compare(
      core,
      'two rare words',
      rare.slice(0, 6).map((t, i) => `${t.term} ${rare[i + 6].term}`),
      40
    )
    await compare(
      core,
      'the commonest words (in 30–100%)',
      common.map((t) => t.term),
      40
    )
    await compare(
      core,
      'a common phrase',
      [`"${common[0].term} ${common[1].term}"`, `"${common[1].term} ${common[0].term}"`],
      30
    )
    // As you type: every prefix of a rare word, the way the search box sends them.
    const word = rare[0].term
    const prefixes = Array.from({ length: word.length - 1 }, (_, k) => word.slice(0, k + 2))
    let k = 0
    await measure(`search: as you type "${word}" (each prefix)`, 40, () =>
      call(core, 'search.query', { text: prefixes[k++ % prefixes.length] })
    )
    await measure('search: common word with filters (published, 4★+)', 30, () =>
      call(core, 'search.query', { text: common[0].term, status: 'published', ratingMin: 4 })
    )
  } finally {
    core.close()
  }
}
