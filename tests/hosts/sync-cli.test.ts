import { describe, expect, it } from 'vitest'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { openTestJournal, tempDir } from '../support/journal'
import { changeLogEnd, journalContents, paragraphs } from '../core/sync.support'

/** Each journal in a process of its own, as two computers would run them. */
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

interface Report {
  sent: Record<string, number>
  received: Record<string, number>
  applied: Record<string, number>
  files: { read: number; written: number; waiting: number }
}

const syncRound = (dir: string, folder: string, ...extra: string[]) =>
  json<Report>(dir, 'sync', '--folder', folder, ...extra)

/** The journal's contents and change log, read in this process once the CLI has finished. */
async function contentsOf(dir: string) {
  const journal = await openTestJournal(dir)
  try {
    return { contents: journalContents(journal.db), log: changeLogEnd(journal.db) }
  } finally {
    journal.close()
  }
}

describe('journal sync --folder, two journals in two processes', () => {
  it('merges offline edits, new and deleted reviews and an import, then changes nothing more', async () => {
    const [a, b, folder] = [tempDir(), tempDir(), tempDir()]
    const draft = join(folder, '..', `${Date.now()}-draft.md`)
    const review = json(a, 'review', 'new', '--title', 'Aftersun', '--film', 'Aftersun (2022)')
    const id = review.id as string
    writeFileSync(draft, 'A father and daughter on holiday.\n\nThe camcorder remembers.\n')
    json(a, 'review', 'edit', id, '--from', draft)
    const goner = json(a, 'review', 'new', '--title', 'To be deleted').id as string
    syncRound(a, folder)
    expect(syncRound(b, folder).applied).toMatchObject({ reviews: 2, works: 1 })

    // Offline on both: the same review, a new review on each, a deletion on B, an import on A.
    writeFileSync(draft, 'A father and daughter on a Turkish holiday.\n\nThe camcorder remembers.\n')
    json(a, 'review', 'edit', id, '--from', draft)
    json(b, 'review', 'edit', id, '--append', 'Under Pressure plays.')
    const fromA = json(a, 'review', 'new', '--title', 'Written on A').id
    const fromB = json(b, 'review', 'new', '--title', 'Written on B').id
    expect(cli(b, 'review', 'delete', goner).code).toBe(0)
    expect(cli(a, 'import', resolve('tests/fixtures/letterboxd/export')).code).toBe(0)

    syncRound(a, folder)
    syncRound(b, folder)
    syncRound(a, folder)

    const text = json<{ text: string }>(b, 'show', 'review', id).text
    expect(text).toBe(
      'A father and daughter on a Turkish holiday.\n\nThe camcorder remembers.\n\nUnder Pressure plays.'
    )
    const [onA, onB] = [await contentsOf(a), await contentsOf(b)]
    expect(onA.contents).toEqual(onB.contents)
    const titles = onB.contents.reviews as { title: string; id: string; deleted_at: string | null }[]
    expect(titles.find((r) => r.id === goner)?.deleted_at).toBeTruthy()
    expect(titles.map((r) => r.id)).toEqual(expect.arrayContaining([fromA, fromB]))
    expect(onB.contents.screenings.length).toBeGreaterThan(0)

    for (const dir of [a, b]) {
      const again = syncRound(dir, folder)
      expect(again.applied).toEqual({})
      expect(again.sent).toEqual({})
    }
    expect(await contentsOf(a)).toEqual(onA)
    expect(await contentsOf(b)).toEqual(onB)
  }, 120_000)

  it('resumes a sync killed while it writes, with nothing lost or twice', async () => {
    const [a, b, folder] = [tempDir(), tempDir(), tempDir()]
    const journal = await openTestJournal(a)
    for (let i = 0; i < 300; i++) {
      await journal.call('reviews.create', {
        title: `Review ${i}`,
        body: paragraphs(`Paragraph one of ${i}.`, `Paragraph two of ${i}.`)
      })
    }
    journal.close()

    // Killed as soon as its first file appears in the folder (under its temporary name or not).
    const killed = await killWhenWriting(a, folder)
    expect(killed).toBe(true)
    syncRound(a, folder)
    await killAfter(b, folder, 1_500)
    syncRound(b, folder)
    syncRound(b, folder)
    const [onA, onB] = [await contentsOf(a), await contentsOf(b)]
    expect(onB.contents.reviews).toHaveLength(300)
    expect(onB.contents).toEqual(onA.contents)
    expect(syncRound(b, folder).applied).toEqual({})
  }, 120_000)

  it('exits 1 with one line on a wrong passphrase, a tampered file and an unreadable folder', async () => {
    const [a, b, folder] = [tempDir(), tempDir(), tempDir()]
    const secret = join(tempDir(), 'passphrase')
    const wrong = join(tempDir(), 'wrong')
    writeFileSync(secret, 'a long passphrase\n')
    writeFileSync(wrong, 'not the passphrase\n')
    json(a, 'review', 'new', '--title', 'Sealed')
    syncRound(a, folder, '--passphrase-file', secret)
    json(b, 'review', 'new', '--title', 'Local')
    const before = await contentsOf(b)

    const refused = cli(b, 'sync', '--folder', folder, '--passphrase-file', wrong)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toBe(
      'review-journal: Wrong passphrase for this sync folder: nothing was applied.\n'
    )

    const device = readdirSync(join(folder, 'devices'))[0]
    const file = readdirSync(join(folder, 'devices', device)).find((name) => name.endsWith('.rjsync'))!
    const path = join(folder, 'devices', device, file)
    const bytes = readFileSync(path)
    bytes[bytes.length - 1] ^= 0xff
    writeFileSync(path, bytes)
    const tampered = cli(b, 'sync', '--folder', folder, '--passphrase-file', secret)
    expect(tampered.code).toBe(1)
    expect(tampered.stderr.trim().split('\n')).toHaveLength(1)
    expect(tampered.stderr).toMatch(/failed its authentication check/)

    const missing = cli(b, 'sync', '--folder', join(folder, 'nowhere'))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^review-journal: Cannot read the sync folder .*nowhere/)
    expect(await contentsOf(b)).toEqual(before)
  }, 120_000)
})

/** Starts a sync and kills it once a file of its own shows up in the folder. */
function killWhenWriting(dir: string, folder: string): Promise<boolean> {
  const child = spawn(
    process.execPath,
    ['bin/review-journal.cjs', '--data-dir', dir, 'sync', '--folder', folder],
    { stdio: 'ignore' }
  )
  return new Promise((done) => {
    let killed = false
    const poll = setInterval(() => {
      const devices = join(folder, 'devices')
      const writing =
        existsSync(devices) &&
        readdirSync(devices).some((d) => readdirSync(join(devices, d)).some((n) => n !== 'device.json'))
      if (writing && !killed) {
        killed = child.kill('SIGKILL')
      }
    }, 2)
    child.on('exit', () => {
      clearInterval(poll)
      done(killed)
    })
  })
}

/** Starts a sync and kills it after `ms`, wherever it is by then. */
function killAfter(dir: string, folder: string, ms: number): Promise<void> {
  const child = spawn(
    process.execPath,
    ['bin/review-journal.cjs', '--data-dir', dir, 'sync', '--folder', folder],
    { stdio: 'ignore' }
  )
  const timer = setTimeout(() => child.kill('SIGKILL'), ms)
  return new Promise((done) => child.on('exit', () => (clearTimeout(timer), done())))
}
