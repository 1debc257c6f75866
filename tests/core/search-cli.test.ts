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

  it('prints more than a page of hits with --limit N, every hit with --all, and says what it left out', async () => {
    const dir = tempDir()
    const journal = await openTestJournal(dir)
    const insert = journal.db.prepare(
      `INSERT INTO responses (id, review_id, author_name, body, received_at, created_at, updated_at)
       VALUES (?, 'r', 'Reader', ?, '2024-01-01', '2024-01-01', '2024-01-01')`
    )
    journal.db.transaction(() => {
      journal.db
        .prepare(
          `INSERT INTO reviews (id, title, body, created_at, updated_at)
           VALUES ('r', 'Many', '{"root":{"type":"root","children":[]}}', '2024-01-01', '2024-01-01')`
        )
        .run()
      for (let i = 0; i < 230; i++) insert.run(`p${i}`, `zebra number ${i}`)
    })()
    journal.close()
    const ids = (args: string[]) => {
      const hits = JSON.parse(cli(['--data-dir', dir, 'search', 'zebra', '--json', ...args]).stdout) as {
        id: string
      }[]
      return hits.map((h) => h.id)
    }
    expect(ids([])).toHaveLength(8)
    const some = ids(['--limit', '150'])
    expect(some).toHaveLength(150)
    const every = ids(['--all'])
    expect(new Set(every).size).toBe(230)
    expect(every.slice(0, 150)).toEqual(some)
    expect(cli(['--data-dir', dir, 'search', 'zebra', '--limit', '3']).stdout).toMatch(
      /^Responses \(3 of 230; --all shows every one\)\n/
    )
    const both = cli(['--data-dir', dir, 'search', 'zebra', '--all', '--limit', '3'])
    expect(both.code).toBe(2)
    expect(both.stderr).toMatch(/--limit N or --all/)
    expect(cli(['--data-dir', dir, 'search', 'zebra', '--limit', '0']).code).toBe(2)
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
