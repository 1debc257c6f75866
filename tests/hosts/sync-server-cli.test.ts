import { afterEach, describe, expect, it } from 'vitest'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { openTestJournal, tempDir } from '../support/journal'
import { changeLogEnd, journalContents, paragraphs } from '../core/sync.support'

const TOKEN = 'the-journal-token'
const servers: ChildProcess[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.kill('SIGTERM')
    await new Promise((done) => (server.exitCode === null ? server.on('exit', done) : done(null)))
  }
})

/** `npm run sync-server` as a person starts it, in a process of its own; answers its address. */
async function startServer(
  data = tempDir('rj-sync-server-')
): Promise<{ url: string; port: number; data: string }> {
  const child = spawn(
    process.execPath,
    ['bin/sync-server.cjs', '--port', '0', '--data', data, '--token', TOKEN],
    {
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  servers.push(child)
  const port = await new Promise<number>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /listening on port (\d+)/.exec(out)
      if (match) resolve(Number(match[1]))
    })
    child.on('exit', (code) => reject(new Error(`sync-server exited ${code}`)))
  })
  return { url: `ws://127.0.0.1:${port}`, port, data }
}

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
  applied: Record<string, number>
}

const syncRound = (dir: string, url: string, token = TOKEN) =>
  json<Report>(dir, 'sync', '--server', url, '--token', token)

async function contentsOf(dir: string) {
  const journal = await openTestJournal(dir)
  try {
    return { contents: journalContents(journal.db), log: changeLogEnd(journal.db) }
  } finally {
    journal.close()
  }
}

describe('journal sync --server and npm run sync-server, each in a process of its own', () => {
  it('merges offline edits on two journals, then changes nothing more', async () => {
    const server = await startServer()
    const [a, b] = [tempDir(), tempDir()]
    const id = json(a, 'review', 'new', '--title', 'Aftersun', '--film', 'Aftersun (2022)').id as string
    json(a, 'review', 'edit', id, '--append', 'A father and daughter on holiday.')
    syncRound(a, server.url)
    expect(syncRound(b, server.url).applied).toMatchObject({ reviews: 1, works: 1 })

    json(a, 'review', 'edit', id, '--append', 'The camcorder remembers.')
    json(b, 'review', 'edit', id, '--title', 'Aftersun, again')
    const fromB = json(b, 'review', 'new', '--title', 'Written on B').id
    for (const dir of [a, b, a]) syncRound(dir, server.url)

    const shown = json<{ title: string; text: string }>(a, 'show', 'review', id)
    expect(shown).toMatchObject({
      title: 'Aftersun, again',
      text: 'A father and daughter on holiday.\n\nThe camcorder remembers.'
    })
    expect(json(a, 'show', 'review', fromB as string).title).toBe('Written on B')
    const [onA, onB] = [await contentsOf(a), await contentsOf(b)]
    expect(onA.contents).toEqual(onB.contents)
    for (const dir of [a, b]) expect(syncRound(dir, server.url)).toMatchObject({ sent: {}, applied: {} })
    expect(await contentsOf(a)).toEqual(onA)
  }, 120_000)

  it('exits 1 with one line on a wrong token and an unreachable server, the journal unchanged', async () => {
    const server = await startServer()
    const dir = tempDir()
    json(dir, 'review', 'new', '--title', 'Local')
    const before = await contentsOf(dir)
    const refused = cli(dir, 'sync', '--server', server.url, '--token', 'not-the-token')
    expect([refused.code, refused.stderr]).toEqual([
      1,
      `review-journal: The sync server at ${server.url} refused this journal's token.\n`
    ])
    const taken = spawnSync(
      'npm',
      [
        'run',
        '-s',
        'sync-server',
        '--',
        '--port',
        String(server.port),
        '--data',
        tempDir(),
        '--token',
        TOKEN
      ],
      { encoding: 'utf8' }
    )
    expect([taken.status, taken.stderr]).toEqual([1, `sync-server: port ${server.port} is already in use\n`])
    const serverWith = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/sync-server.cjs', ...args], { encoding: 'utf8' })
    for (const [args, line] of [
      [['--port', 'abc', '--data', dir, '--token', TOKEN], '--port needs a number from 0 to 65535'],
      [['--port', '0', '--data', dir], 'at least one --token is required'],
      [['--port', '0', '--token', TOKEN], '--data DIR is required'],
      [
        ['--port', '0', '--data', dir, '--token', TOKEN, '--redis', 'localhost:6379'],
        '--redis needs redis://HOST:PORT, not localhost:6379'
      ]
    ] as const) {
      const bad = serverWith(...args)
      expect([bad.status, bad.stderr]).toEqual([1, `sync-server: ${line}\n`])
    }
    servers.pop()!.kill('SIGTERM')
    await new Promise((done) => setTimeout(done, 300))
    const gone = cli(dir, 'sync', '--server', server.url, '--token', TOKEN)
    expect([gone.code, gone.stderr]).toEqual([
      1,
      `review-journal: The sync server at ${server.url} cannot be reached (ECONNREFUSED).\n`
    ])
    expect(cli(dir, 'sync', '--server', server.url).stderr).toMatch(/needs --token/)
    expect(await contentsOf(dir)).toEqual(before)
  }, 120_000)

  it('resumes syncs killed mid-way, with nothing lost or twice', async () => {
    const server = await startServer()
    const [a, b] = [tempDir(), tempDir()]
    const journal = await openTestJournal(a)
    for (let i = 0; i < 300; i++) {
      await journal.call('reviews.create', {
        title: `Review ${i}`,
        body: paragraphs(`Paragraph one of ${i}.`, `Paragraph two of ${i}.`)
      })
    }
    journal.close()

    // Killed once the server holds some of its documents, before it could name them.
    expect(await killWhen(a, server.url, () => serverUpdates(server.data) > 20)).toBe(true)
    expect(serverIndexed(server.data)).toBe(false)
    syncRound(a, server.url)
    // Then the journal receiving it, killed wherever it is by then: from starting up to applying,
    // at least once before it ended however fast the machine (a quiet one ends within a second).
    const killedB = []
    for (const ms of [300, 600, 900, 1_400]) killedB.push(await killWhen(b, server.url, timeElapsed(ms)))
    expect(killedB).toContain(true)
    syncRound(b, server.url)
    const [onA, onB] = [await contentsOf(a), await contentsOf(b)]
    expect(onB.contents.reviews).toHaveLength(300)
    expect(onB.contents).toEqual(onA.contents)
    expect(syncRound(b, server.url).applied).toEqual({})
    expect(syncRound(a, server.url).applied).toEqual({})
  }, 120_000)
})

/** How many updates the server has written (documents it holds) so far. */
function serverUpdates(data: string): number {
  const db = new Database(join(data, 'sync-server.sqlite'), { readonly: true, fileMustExist: true })
  try {
    return db
      .prepare('SELECT (SELECT count(*) FROM updates) + (SELECT count(*) FROM documents)')
      .pluck()
      .get() as number
  } catch {
    return 0
  } finally {
    db.close()
  }
}

/** Whether any device has named what it pushed in the journal's index. */
function serverIndexed(data: string): boolean {
  const db = new Database(join(data, 'sync-server.sqlite'), { readonly: true })
  try {
    const count = db
      .prepare(
        "SELECT (SELECT count(*) FROM updates WHERE name LIKE '%/index') + (SELECT count(*) FROM documents WHERE name LIKE '%/index')"
      )
      .pluck()
      .get() as number
    return count > 0
  } finally {
    db.close()
  }
}

const timeElapsed = (ms: number) => {
  const start = Date.now()
  return () => Date.now() - start > ms
}

/** Starts a sync and kills it once `when` holds; answers whether it was killed before it ended. */
function killWhen(dir: string, url: string, when: () => boolean): Promise<boolean> {
  const child = spawn(
    process.execPath,
    ['bin/review-journal.cjs', '--data-dir', dir, 'sync', '--server', url, '--token', TOKEN],
    { stdio: 'ignore' }
  )
  return new Promise((done) => {
    let killed = false
    const poll = setInterval(() => {
      if (!killed && safely(when)) killed = child.kill('SIGKILL')
    }, 5)
    child.on('exit', () => {
      clearInterval(poll)
      done(killed)
    })
  })
}

function safely(when: () => boolean): boolean {
  try {
    return when()
  } catch {
    return false
  }
}
