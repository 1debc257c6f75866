import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { openTestJournal, tempDir } from '../support/journal'
import { seedKnownJournal } from '../fixtures/knownJournal'

function cli(args: string[]) {
  const result = spawnSync(process.execPath, ['bin/review-journal.cjs', ...args], { encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

// Each case starts the CLI as a process (several seconds apiece on a busy machine).
describe('review-journal search', { timeout: 90_000 }, () => {
  it('prints each hit as { kind, id, title, snippet, reviewId? } with --json', async () => {
    const dir = tempDir()
    const journal = await openTestJournal(dir)
    seedKnownJournal(journal.db)
    journal.close()
    const { code, stdout } = cli(['--data-dir', dir, 'search', 'haunts', '--json'])
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual([
      // The shorter reply ranks first: bm25 weighs a match in a short text higher.
      {
        kind: 'response',
        id: 'p-2',
        title: 'Me',
        snippet: 'It haunts everyone. Thank you for reading!',
        reviewId: 'r-mood'
      },
      {
        kind: 'response',
        id: 'p-1',
        title: 'Marguerite',
        snippet: 'The rice cooker scene still haunts me, years later.',
        reviewId: 'r-mood'
      }
    ])
    const films = JSON.parse(cli(['--data-dir', dir, 'search', 'wong', '--kind', 'work', '--json']).stdout)
    expect(films.map((h: { id: string }) => h.id)).toEqual(expect.arrayContaining(['w-chungking', 'w-mood']))
  })

  it('prints grouped hits for people and says when nothing matched', async () => {
    const dir = tempDir()
    const journal = await openTestJournal(dir)
    seedKnownJournal(journal.db)
    journal.close()
    const found = cli(['--data-dir', dir, 'search', 'pineapple'])
    expect(found.stdout).toContain('Reviews\n  Chungking notes — Chungking Express (1994)')
    expect(found.stdout).toContain('[Pineapple]')
    expect(cli(['--data-dir', dir, 'search', 'NOT', '"', '*']).stdout).toBe('No results for NOT.\n')
  })

  it('exits 2 with a usage line for a missing query or a bad option', async () => {
    const dir = tempDir()
    expect(cli(['--data-dir', dir, 'search']).code).toBe(2)
    const bad = cli(['--data-dir', dir, 'search', 'x', '--kind', 'poem'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--kind is one of/)
    expect(cli(['--data-dir', dir, 'search', 'x', '--from', '2023-02-30']).code).toBe(2)
  })
})
