import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { foundationBench } from './suites/foundation'
import { responsesBench } from './suites/responses'
import { screeningsBench } from './suites/screenings'
import { archiveBench } from './suites/archive'
import { writingBench } from './suites/writing'
import { backupBench } from './suites/backup'
import { searchBench } from './suites/search'
import { searchHitsBench } from './suites/searchHits'
import { statsBench } from './suites/stats'
import { wxrBench, wxrLargeBench } from './suites/wxr'
import { letterboxdBench } from './suites/letterboxd'
import { cliBench } from './suites/cli'
import { peerBench } from './suites/peer'
import { syncBench } from './suites/sync'
import { syncLoadBench } from './suites/syncLoad'
import { syncServerBench } from './suites/syncServer'

/**
 * `npm run bench`: every suite on generated data, printing medians and p95 beside a baseline
 * measured in the same run. `npm run bench -- NAME` runs the suites whose name contains NAME;
 * `npm run bench -- --peer` runs only the side-by-side with Joplin's figures (several minutes);
 * `npm run bench -- search-hits --reviews 100000` searches 100,000 reviews (generated once).
 */
const SUITES: [string, () => Promise<void>][] = [
  ['foundation', foundationBench],
  ['responses', responsesBench],
  ['screenings', screeningsBench],
  ['archive', archiveBench],
  ['writing', writingBench],
  ['backup', backupBench],
  ['search', searchBench],
  ['search-hits', searchHitsBench],
  ['stats', statsBench],
  ['wxr', wxrBench],
  ['wxr-large', wxrLargeBench],
  ['letterboxd', letterboxdBench],
  ['cli', cliBench],
  ['sync', syncBench],
  ['sync-server', syncServerBench],
  ['sync-load', syncLoadBench]
]
/** Run only when asked for: it imports 5,000 reviews six times over. */
const PEER: [string, () => Promise<void>] = ['peer', peerBench]

async function main(): Promise<void> {
  const only = [...SUITES, PEER].find(([name]) => name === process.env.RJ_BENCH_SUITE)
  if (only) return only[1]()
  if (process.argv.includes('--peer')) return runSuite(PEER[0])
  // `--reviews N`: the size the suites that take one measure at (search-hits).
  const reviewsAt = process.argv.indexOf('--reviews')
  if (reviewsAt > 0) process.env.RJ_BENCH_REVIEWS = process.argv[reviewsAt + 1]
  const filter = process.argv
    .slice(2)
    .find((arg, i, args) => !arg.startsWith('--') && args[i - 1] !== '--reviews')
  // The app as it ships: the browser benches load its renderer, the WordPress one its bundled worker.
  const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' })
  if (build.status !== 0) throw new Error('electron-vite build failed')
  for (const [name] of SUITES) {
    if (filter && !name.includes(filter)) continue
    runSuite(name)
  }
  runBrowserBenches(filter)
}

/**
 * Each suite in a process of its own, after the disk has taken the last one's writes: no
 * memory, heap or pending writes carried over to skew its peaks and fsync latencies.
 */
function runSuite(name: string): void {
  console.log(`\n== ${name} ==`)
  spawnSync('sync')
  const child = spawnSync('npx', ['tsx', 'bench/index.ts'], {
    stdio: 'inherit',
    env: { ...process.env, RJ_BENCH_SUITE: name }
  })
  if (child.status !== 0) throw new Error(`the ${name} bench failed`)
}

/** The Chromium benchmarks (typing, opening screens) run through Playwright after the core ones. */
function runBrowserBenches(filter: string | undefined): void {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(chromium)) {
    console.log(`\n== browser ==\nskipped: no Chromium at ${chromium}`)
    return
  }
  console.log('\n== browser ==')
  const args = [
    'playwright',
    'test',
    '-c',
    'bench/browser/playwright.bench.config.ts',
    '--reporter=line',
    '--pass-with-no-tests'
  ]
  if (filter) args.push('-g', filter)
  spawnSync('npx', args, { stdio: 'inherit' })
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
