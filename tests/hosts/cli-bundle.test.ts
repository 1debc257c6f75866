import { beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createRequire } from 'node:module'
import { openTestJournal, tempDir } from '../support/journal'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'

const { ensureHostsBuilt, staleReason } = createRequire(import.meta.url)('../../scripts/build-hosts.cjs') as {
  ensureHostsBuilt(): string
  staleReason(dir: string): string | null
}
const PROBE = resolve(__dirname, 'moduleLog.cjs')
/** The archive formats' heavy dependencies: a `list` or `search` has no use for them. */
const FORMAT_LIBRARIES =
  /[\\/]node_modules[\\/](lexical|@lexical[\\/][^\\/]+|linkedom|yauzl|yazl|saxes|csv-parse|yaml)[\\/]/

/** Runs the real `review-journal` bin and returns what it printed and which modules each thread loaded. */
function cliWithModuleLog(args: string[]) {
  const log = join(tempDir('rj-modules-'), 'modules.txt')
  const result = spawnSync(process.execPath, ['--require', PROBE, 'bin/review-journal.cjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, RJ_MODULE_LOG: log }
  })
  const lines = readFileSync(log, 'utf8').trim().split('\n')
  const loaded = (thread: 'main' | 'worker') =>
    lines.filter((l) => l.startsWith(`${thread} `)).map((l) => l.slice(thread.length + 1))
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    main: loaded('main'),
    worker: loaded('worker')
  }
}

async function journalWithReviews(): Promise<string> {
  const dir = tempDir()
  const journal = await openTestJournal(dir)
  await journal.call('reviews.create', {
    title: 'A tender film',
    body: plainTextToLexical('Tender and slow.')
  })
  journal.close()
  return dir
}

describe('the bundled CLI', () => {
  // A stale or missing bundle is rebuilt by the first command; build it here, outside any test's time limit.
  let hosts = ''
  beforeAll(() => {
    hosts = ensureHostsBuilt()
  }, 120_000)

  it('answers list and search without loading Lexical, linkedom or any other archive format', async () => {
    const dir = await journalWithReviews()
    for (const args of [
      ['list', 'reviews', '--json'],
      ['search', 'tender', '--json']
    ]) {
      const run = cliWithModuleLog(['--data-dir', dir, ...args])
      expect(run.code, run.stderr).toBe(0)
      expect(JSON.stringify(JSON.parse(run.stdout))).toContain('A tender film')
      // The probe saw the modules the command did need, so an empty list cannot pass for a clean one.
      expect(run.main.some((f) => f.includes(`${join('node_modules', 'better-sqlite3')}`))).toBe(true)
      expect(run.main.filter((f) => FORMAT_LIBRARIES.test(f))).toEqual([])
    }
  })

  it('runs the bundle in one Node, without compiling TypeScript, and an import starts its threads from it', async () => {
    const dir = await journalWithReviews()
    const folder = resolve('tests/fixtures/markdown/obsidian')
    const run = cliWithModuleLog(['--data-dir', dir, 'import', folder, '--dry-run', '--json'])
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toHaveProperty('dryRun', true)
    const everything = [...run.main, ...run.worker]
    expect(everything.filter((f) => /[\\/]node_modules[\\/]tsx[\\/]|\.tsx?$/.test(f))).toEqual([])
    expect(run.main).toContain(join(hosts, 'cli.cjs'))
    expect(run.worker).toContain(join(hosts, 'archiveWorker.js'))
    // The import itself still loads the formats it needs, in its worker.
    expect(run.worker.some((f) => FORMAT_LIBRARIES.test(f))).toBe(true)
  })

  it('is rebuilt when missing or older than a file it was made from, and not otherwise', () => {
    const dir = join(tempDir('rj-hosts-'), 'hosts')
    expect(staleReason(dir)).toBe('not built yet')
    mkdirSync(dir)
    writeFileSync(join(dir, 'cli.cjs'), '')
    writeFileSync(join(dir, 'sources.json'), JSON.stringify(['src/hosts/cli/main.ts', 'src/gone-since.ts']))
    const yearAgo = new Date(Date.now() - 365 * 86_400_000)
    utimesSync(join(dir, 'cli.cjs'), yearAgo, yearAgo)
    expect(staleReason(dir)).toMatch(/changed$/)
    const tomorrow = new Date(Date.now() + 86_400_000)
    utimesSync(join(dir, 'cli.cjs'), tomorrow, tomorrow)
    expect(staleReason(dir)).toBeNull()
  })
})
