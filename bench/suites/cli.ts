import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createRequire } from 'node:module'
import { openCore } from '../../src/main/core'
import { report, type Stats } from '../harness'
import { seedSearchCorpus } from './searchCorpus'

const REVIEWS = 5_000
const RUNS = Number(process.env.CLI_BENCH_RUNS ?? 10) || 10
/** Bump when the corpus changes: the generated journal is kept between runs under this name. */
const CORPUS_VERSION = 'cli-corpus-v1'
const ROOT = resolve(__dirname, '../..')

/** The 5,000-review journal (~800 words each), generated on the first run and then reused. */
async function corpusDir(): Promise<string> {
  const dir = join(tmpdir(), 'review-journal-bench', CORPUS_VERSION)
  if (existsSync(join(dir, 'complete'))) return dir
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const core = await openCore({ dataDir: dir, version: 'bench' })
  core.db.pragma('synchronous = OFF')
  seedSearchCorpus(core.db, REVIEWS, 0)
  core.db.pragma('wal_checkpoint(TRUNCATE)')
  core.close()
  mkdirSync(join(dir, 'complete'))
  return dir
}

/** Wall time of one whole process, from spawn to exit; a failed run stops the bench. */
function timeProcess(command: string, args: string[]): number {
  const start = performance.now()
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] })
  const ms = performance.now() - start
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`)
  return ms
}

function summarise(name: string, times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b)
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
  const stats = { name, runs: times.length, medianMs: pick(0.5), p95Ms: pick(0.95), p99Ms: pick(0.99) }
  console.log(
    `${name.padEnd(64)} median ${stats.medianMs.toFixed(0).padStart(6)} ms   p95 ${stats.p95Ms.toFixed(0).padStart(6)} ms   (n=${stats.runs})`
  )
  return stats
}

/**
 * `npm run bench -- cli`: a command on a 5,000-review journal as a critic meets it, a whole
 * process through the real `review-journal` bin (the bundle), beside the same command from the
 * TypeScript source through tsx (how the bin ran before) and a bare `node -e ''`, all in one run
 * and interleaved run by run, so a busy machine slows each alike. The goal is 300 ms wall.
 */
export async function cliBench(): Promise<void> {
  const dir = await corpusDir()
  // Build the bundle now, so the first timed run does not include a build.
  const { ensureHostsBuilt } = createRequire(__filename)(join(ROOT, 'scripts/build-hosts.cjs')) as {
    ensureHostsBuilt(): string
  }
  ensureHostsBuilt()
  const node = process.execPath
  const bin = join(ROOT, 'bin/review-journal.cjs')
  const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs')
  const source = join(ROOT, 'src/hosts/cli/index.ts')
  const commands: [string, string[]][] = [
    ['list reviews --json', ['--data-dir', dir, 'list', 'reviews', '--json']],
    ['search "film" --json (a word in nearly every review)', ['--data-dir', dir, 'search', 'film', '--json']],
    ['search "kalo" --json (a rarer word)', ['--data-dir', dir, 'search', 'kalo', '--json']]
  ]
  const variants: [string, string, (args: string[]) => string[]][] = [
    ['bin (bundle)', node, (args) => [bin, ...args]],
    ['tsx from source (before)', node, (args) => [tsx, source, ...args]]
  ]
  report('journal', `${REVIEWS.toLocaleString('en')} reviews of ~800 words, ${dir}`)
  const baseline: number[] = []
  const times = new Map<string, number[]>()
  for (let run = -1; run < RUNS; run++) {
    // The first round warms the disk cache and is not counted.
    const counted = run >= 0
    const bare = timeProcess(node, ['-e', ''])
    if (counted) baseline.push(bare)
    for (const [label, args] of commands) {
      for (const [variant, command, argv] of variants) {
        const ms = timeProcess(command, argv(args))
        const key = `${label} — ${variant}`
        if (counted) times.set(key, [...(times.get(key) ?? []), ms])
      }
    }
  }
  summarise("node -e '' (bare Node, the floor)", baseline)
  for (const [key, values] of times) summarise(key, values)
}
