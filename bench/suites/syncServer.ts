import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore } from '../../src/main/core'
import { syncWithServer } from '../../src/main/core/sync'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'
import { call, measure, report, reportRun, sampler, timedCli } from '../harness'
import { SEEDED_LABEL, seedWithBodies } from './sync'

/**
 * Sync through a Hocuspocus server on loopback, on the same generated journal as the folder's
 * bench (SYNC_BENCH_REVIEWS sets its size): the first round of a journal that never synced,
 * sending every record and then receiving them on a second journal, each journal a process of
 * its own running the command line, and one edited review travelling from one to the other end
 * to end. The server runs as `npm run sync-server` does, in a process of its own (as it would on
 * another machine), so each side's memory is its own.
 */
const TOKEN = 'bench-server-token'

export async function syncServerBench(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'rj-bench-sync-server-'))
  const open = (name: string) => openCore({ dataDir: join(root, name), version: 'bench' })
  const server = await startServerProcess(join(root, 'server'))
  const options = { url: `ws://127.0.0.1:${server.port}`, token: TOKEN, timeoutMs: 120_000 }
  const sync = (name: string) => [
    '--data-dir',
    join(root, name),
    'sync',
    '--server',
    options.url,
    '--token',
    TOKEN,
    '--json'
  ]
  try {
    const seeded = await open('a')
    seedWithBodies(seeded)
    seeded.close()
    reportRun(`first sync through a server, sending: ${SEEDED_LABEL}`, timedCli(sync('a')))
    reportRun(`first sync through a server, receiving: ${SEEDED_LABEL}`, timedCli(sync('b')))
    const a = await open('a')
    const b = await open('b')
    report('first sync through a server: peak memory (the server)', `${server.peakMb().toFixed(0)} MB`)
    const file = join(root, 'server', 'sync-server.sqlite')
    report('server file after the first sync', `${(statSync(file).size / 1024 ** 2).toFixed(1)} MB`)

    const ids = a.db.prepare('SELECT id FROM reviews ORDER BY rid LIMIT 50').pluck().all() as string[]
    let round = 0
    const edits = sampler()
    await measure(
      'one edited review through a server, end to end (save, sync out, sync in)',
      30,
      async () => {
        const id = ids[round++ % ids.length]
        const review = await call(a, 'reviews.get', { id })
        const body = review.body
        const children = [
          ...body.root.children,
          ...plainTextToLexical(`An afterthought, round ${round}.`).root.children
        ]
        await call(a, 'reviews.save', { id, body: { ...body, root: { ...body.root, children } } })
        await syncWithServer(a.db, options)
        const arrived = await syncWithServer(b.db, options)
        if (!arrived.applied.reviews) throw new Error('the edited review did not arrive')
      }
    )
    report('one edited review through a server: peak memory', `${edits.stop().peakMb.toFixed(0)} MB`)
    a.close()
    b.close()
  } finally {
    await server.stop()
    rmSync(root, { recursive: true, force: true })
  }
}

/** `bin/sync-server.cjs` (the bundle `npm run sync-server` runs) on a free port. */
async function startServerProcess(dataDir: string) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['bin/sync-server.cjs', '--port', '0', '--host', '127.0.0.1', '--data', dataDir, '--token', TOKEN],
    { stdio: ['ignore', 'pipe', 'inherit'] }
  )
  const port = await new Promise<number>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /listening on port (\d+)/.exec(out)
      if (match) resolve(Number(match[1]))
    })
    child.on('exit', (code) => reject(new Error(`sync-server exited ${code}`)))
  })
  return {
    port,
    /** The server's peak resident memory so far, as Linux counts it (VmHWM). */
    peakMb: () =>
      Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
  }
}
