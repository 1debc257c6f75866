import { describe, expect, it } from 'vitest'
import { spawn, spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openTestJournal, tempDir } from '../support/journal'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['bin/review-journal.cjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env }
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('the CLI', () => {
  it('lists every kind as JSON with the public field names', async () => {
    const dir = tempDir()
    const journal = await openTestJournal(dir)
    await journal.call('sample.load')
    journal.close()

    const reviews = JSON.parse(cli(['--data-dir', dir, 'list', 'reviews', '--json']).stdout)
    expect(Object.keys(reviews[0]).sort()).toEqual(
      [
        'id',
        'title',
        'status',
        'rating',
        'tags',
        'workId',
        'workTitle',
        'workYear',
        'wordCount',
        'responseCount',
        'responsesClosed',
        'isProtected',
        'createdAt',
        'updatedAt',
        'publishedAt'
      ].sort()
    )
    const published = reviews.find((r: { status: string }) => r.status === 'published')
    expect(published).toMatchObject({ rating: 5, responsesClosed: false, responseCount: 4 })

    const screenings = JSON.parse(cli(['--data-dir', dir, 'list', 'screenings', '--json']).stdout)
    for (const key of [
      'id',
      'workId',
      'workTitle',
      'workYear',
      'watchedOn',
      'venue',
      'format',
      'companions',
      'rewatch',
      'rating',
      'tags',
      'notes',
      'reviewId'
    ]) {
      expect(screenings[0]).toHaveProperty(key)
    }
    expect(screenings[0].watchedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)

    const responses = JSON.parse(cli(['--data-dir', dir, 'list', 'responses', '--json']).stdout)
    for (const key of [
      'id',
      'reviewId',
      'parentId',
      'authorName',
      'authorEmail',
      'authorUrl',
      'body',
      'receivedAt',
      'status',
      'isOwnReply'
    ]) {
      expect(responses[0]).toHaveProperty(key)
    }
    expect(responses.filter((r: { parentId: string | null }) => r.parentId === null)).toHaveLength(2)

    const works = JSON.parse(cli(['--data-dir', dir, 'list', 'works', '--json']).stdout)
    expect(Object.keys(works[0])).toEqual(
      expect.arrayContaining(['id', 'title', 'year', 'directors', 'letterboxdUri', 'tmdbId', 'imdbId'])
    )
  })

  it('shows one review with its plain text and Lexical body', async () => {
    const dir = tempDir()
    const journal = await openTestJournal(dir)
    const review = await journal.call('reviews.create', {
      title: 'Shown',
      body: plainTextToLexical('One.\n\nTwo.')
    })
    journal.close()
    const { code, stdout } = cli(['--data-dir', dir, 'show', 'review', review.id, '--json'])
    expect(code).toBe(0)
    const shown = JSON.parse(stdout)
    expect(shown.text).toBe('One.\n\nTwo.')
    expect(shown.body.root.type).toBe('root')
  })

  it('uses REVIEW_JOURNAL_DATA_DIR when --data-dir is not given', async () => {
    const dir = tempDir()
    const journal = await openTestJournal(dir)
    await journal.call('reviews.create', { title: 'From env' })
    journal.close()
    const { stdout } = cli(['list', 'reviews', '--json'], { REVIEW_JOURNAL_DATA_DIR: dir })
    expect(JSON.parse(stdout)[0].title).toBe('From env')
  })

  it('exits 2 with usage on bad arguments, 1 with one line on failure, 0 on check', async () => {
    const dir = tempDir()
    expect(cli(['--data-dir', dir, 'list', 'films']).code).toBe(2)
    expect(cli(['--data-dir', dir, 'frobnicate']).code).toBe(2)
    expect(cli(['--data-dir', dir, '--bogus']).code).toBe(2)
    const missing = cli(['--data-dir', dir, 'show', 'review', 'nope', '--json'])
    expect(missing.code).toBe(1)
    expect(missing.stdout).toBe('')
    expect(missing.stderr.trim().split('\n')).toHaveLength(1)
    const check = cli(['--data-dir', dir, 'check'])
    expect(check.code).toBe(0)
    expect(check.stdout).toMatch(/healthy/)
  })

  it('says plainly when the data folder holds something that is not a journal', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'journal.sqlite'), 'not a database at all'.repeat(50))
    const { code, stderr, stdout } = cli(['--data-dir', dir, 'list', 'reviews', '--json'])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/is not a Review Journal database/)
    expect(stderr.trim().split('\n')).toHaveLength(1)
  })

  it('stops quietly when the reader of its output goes away (| head)', async () => {
    const dir = tempDir()
    const journal = await openTestJournal(dir)
    await journal.call('sample.load')
    journal.close()
    const child = spawn(
      process.execPath,
      ['bin/review-journal.cjs', '--data-dir', dir, 'list', 'reviews', '--json'],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    )
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })
})
