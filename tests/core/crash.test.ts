import { spawn } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openJournal } from '../../src/main/core/db/connection'
import { migrationFilesPlugin } from '../../src/main/core/db/migrationFiles.vite.mjs'
import { createReview } from '../../src/main/core/reviews/reviews'
import { tempDir } from '../support/journal'

/**
 * Kills a process that is saving a review continuously with SIGKILL at random moments, 200
 * times, and checks after each kill that the database passes `quick_check` and holds the last
 * save the writer reported as returned (or the one after it, which may have committed just
 * before the kill).
 *
 * Why this is enough, and what it does not show: SIGKILL stops the process between any two
 * instructions, so this proves every save is one atomic transaction and that SQLite's WAL
 * recovers cleanly from a half-written commit. It cannot cut the power: data the OS had
 * accepted survives a process kill anyway. That case is covered by `synchronous=FULL` (set in
 * db/connection.ts): in WAL mode FULL makes SQLite fsync the WAL at every commit, so a save
 * that returned is on disk, not in the OS cache — NORMAL would only fsync at checkpoints and
 * could lose the last saves on power loss, which is exactly the laptop-battery case.
 */
const KILLS = 200
const outDir = resolve('node_modules/.cache/review-journal-crash-writer')
let writer = ''

beforeAll(async () => {
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [migrationFilesPlugin()],
    build: {
      ssr: resolve('tests/support/crashWriter.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: 'writer.mjs' } }
    }
  })
  writer = join(outDir, 'writer.mjs')
}, 120_000)

afterAll(() => rmSync(outDir, { recursive: true, force: true }))

function runAndKill(
  dataDir: string,
  reviewId: string,
  delayMs: number
): Promise<{ last: number; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [writer, dataDir, reviewId], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    let errors = ''
    let armed = false
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk
      if (!armed && output.includes('ready\n')) {
        armed = true
        setTimeout(() => child.kill('SIGKILL'), delayMs)
      }
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk))
    child.on('error', fail)
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return fail(new Error(`writer stopped on its own: ${errors}`))
      const numbers = output
        .split('\n')
        .filter((l) => /^\d+$/.test(l))
        .map(Number)
      done({ last: numbers.at(-1) ?? 0, output })
    })
  })
}

describe('crash safety', () => {
  it(`keeps the database sound and the last returned save through ${KILLS} SIGKILLs`, async () => {
    const dataDir = tempDir('rj-crash-')
    const db = await openJournal(dataDir)
    const reviewId = createReview(db, { title: 'Crash' }).id
    db.close()

    let before = 0
    let totalSaves = 0
    for (let i = 0; i < KILLS; i++) {
      const { last } = await runAndKill(dataDir, reviewId, Math.floor(Math.random() * 40))
      const check = new Database(join(dataDir, 'journal.sqlite'))
      try {
        expect(check.pragma('quick_check', { simple: true })).toBe('ok')
        const row = check.prepare('SELECT body_text, word_count FROM reviews WHERE id = ?').get(reviewId) as {
          body_text: string
        }
        const stored = Number(/^save (\d+)/.exec(row.body_text)?.[1] ?? 0)
        const reported = last || before
        expect(
          stored === reported || stored === reported + 1,
          `kill ${i}: stored save ${stored}, last returned ${reported}`
        ).toBe(true)
        totalSaves += stored - before
        before = stored
      } finally {
        check.close()
      }
    }
    expect(totalSaves).toBeGreaterThan(0)
  }, 900_000)
})
