import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openTestJournal, tempDir } from '../support/journal'

function cli(dir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/review-journal.cjs', '--data-dir', dir, ...args], {
    encoding: 'utf8'
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

function json<T = Record<string, unknown>>(dir: string, ...args: string[]): T {
  const run = cli(dir, ...args, '--json')
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  return JSON.parse(run.stdout) as T
}

describe('writing reviews from the command line', () => {
  it('creates a review for a film, from a Markdown file, and prints its detail', () => {
    const dir = tempDir()
    const draft = join(dir, 'her.md')
    writeFileSync(
      draft,
      '---\ntitle: ignored\n---\n# Her\n\nA *tender* film about **love** and loneliness.\n'
    )
    const review = json(dir, 'review', 'new', '--title', 'Her', '--film', 'Her (2013)', '--from', draft)
    expect(review).toMatchObject({
      title: 'Her',
      workTitle: 'Her',
      workYear: 2013,
      status: 'draft',
      wordCount: 8
    })
    expect(review.text).toBe('Her\n\nA tender film about love and loneliness.')
    expect(review).not.toHaveProperty('deletedAt')

    // The same film, whatever its case, is found rather than added again.
    const again = json(dir, 'review', 'new', '--title', 'Her, again', '--film', 'her (2013)')
    expect(again.workId).toBe(review.workId)
    expect(json<unknown[]>(dir, 'list', 'works')).toHaveLength(1)
  })

  it('edits a title, replaces the text from a file and appends a paragraph, keeping a revision', async () => {
    const dir = tempDir()
    const created = json(dir, 'review', 'new', '--title', 'Drafty')
    const id = created.id as string
    const draft = join(dir, 'text.md')
    writeFileSync(draft, 'First paragraph.\n')
    const edited = json(
      dir,
      'review',
      'edit',
      id,
      '--title',
      'Finished',
      '--from',
      draft,
      '--append',
      'Second thought.\n\nThird.'
    )
    expect(edited).toMatchObject({ id, title: 'Finished', wordCount: 5 })
    expect(edited.text).toBe('First paragraph.\n\nSecond thought.\n\nThird.')

    const appended = json(dir, 'review', 'edit', id, '--append', 'Coda.')
    expect(appended.text).toBe('First paragraph.\n\nSecond thought.\n\nThird.\n\nCoda.')

    const journal = await openTestJournal(dir)
    try {
      // Searchable at once, as a save from the app is.
      const found = await journal.call('search.query', { text: 'coda' })
      expect(JSON.stringify(found)).toContain(id)
    } finally {
      journal.close()
    }
  })

  it('moves a review to the trash, where the app can restore it', async () => {
    const dir = tempDir()
    const id = json(dir, 'review', 'new', '--title', 'Gone soon').id as string
    const run = cli(dir, 'review', 'delete', id)
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(`Moved to the trash: Gone soon (${id})\n`)
    expect(json<unknown[]>(dir, 'list', 'reviews')).toHaveLength(0)
    const journal = await openTestJournal(dir)
    try {
      expect(await journal.call('reviews.list', { scope: 'trash' })).toMatchObject([
        { id, title: 'Gone soon' }
      ])
    } finally {
      journal.close()
    }
  })

  it('answers a mistake with one line and leaves the journal as it was', () => {
    const dir = tempDir()
    const id = json(dir, 'review', 'new', '--title', 'Kept').id as string
    const cases: [string[], number, RegExp][] = [
      [['review', 'new'], 2, /review new needs --title/],
      [['review', 'edit', id], 2, /needs --title, --from or --append/],
      [['review', 'edit', 'no-such-review', '--title', 'X'], 1, /review-journal: .+/],
      [['review', 'edit', id, '--from', join(dir, 'missing.md')], 1, /cannot read .*missing\.md: ENOENT/],
      [['review', 'delete'], 2, /needs one review ID/],
      [['review', 'publish', id], 2, /review needs new, edit or delete/]
    ]
    for (const [args, code, message] of cases) {
      const run = cli(dir, ...args)
      expect(run.code, args.join(' ')).toBe(code)
      expect(run.stderr.split('\n')[0]).toMatch(message)
      expect(run.stdout).toBe('')
    }
    expect(json<{ title: string }[]>(dir, 'list', 'reviews').map((r) => r.title)).toEqual(['Kept'])
  })
})
