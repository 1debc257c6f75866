import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readFileSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type * as Hocuspocus from '@hocuspocus/provider'
import type * as Yjs from 'yjs'
import WebSocket from 'ws'
import { journalOfToken } from '../../src/main/core/sync/serverNames'
import { report } from '../harness'

/**
 * Many people on one journal at once: 200 simulated clients against two sync-server instances
 * that share one Redis, on loopback. Clients are spread over ten documents (twenty each, ten on
 * each instance, as an editor's desk shares a few open reviews); each makes a few edits at random
 * moments, and every other client of that document times the edit's arrival. Same-instance
 * arrivals are Hocuspocus alone; cross-instance ones went through Redis. Bounded: a fixed count
 * of clients and edits, and a deadline after the last edit.
 */
const CLIENTS = 200
const DOCS = 10
const EDITS_PER_CLIENT = 5
const EDIT_WINDOW_MS = 15_000
const SETTLE_MS = 15_000
const TOKEN = 'load-bench-token'

const require = createRequire(__filename)
// Both through require: the provider and our documents must share one copy of Yjs.
const Y = require('yjs') as typeof Yjs
const { HocuspocusProvider, HocuspocusProviderWebsocket } =
  require('@hocuspocus/provider') as typeof Hocuspocus

interface Client {
  id: number
  instance: 0 | 1
  doc: Yjs.Doc
  provider: Hocuspocus.HocuspocusProvider
  socket: Hocuspocus.HocuspocusProviderWebsocket
}

export async function syncLoadBench(): Promise<void> {
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    report('load run, 200 clients on two instances', 'skipped: redis-server is not installed')
    return
  }
  const root = mkdtempSync(join(tmpdir(), 'rj-bench-load-'))
  const children: ChildProcess[] = []
  try {
    const redisPort = await freePort()
    children.push(
      spawn('redis-server', ['--port', String(redisPort), '--save', '', '--appendonly', 'no'], {
        stdio: 'ignore'
      })
    )
    await listening(redisPort)
    const ports = [await freePort(), await freePort()]
    for (const port of ports) {
      children.push(
        // Node itself (tsx as a loader), so the pid is the server's own for its memory figure.
        spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            'src/hosts/sync-server/main.ts',
            '--port',
            String(port),
            '--data',
            root,
            '--token',
            TOKEN,
            '--redis',
            `redis://127.0.0.1:${redisPort}`
          ],
          { stdio: 'ignore' }
        )
      )
    }
    await Promise.all(ports.map((port) => listening(port)))

    const journal = journalOfToken(TOKEN)
    const connectStart = performance.now()
    const clients = await Promise.all(
      Array.from({ length: CLIENTS }, (_, id) =>
        openClient(id, ports, `${journal}/reviews/load-${id % DOCS}`)
      )
    )
    report(
      'load run: 200 clients connected and synced',
      `${(performance.now() - connectStart).toFixed(0)} ms`
    )

    const arrivals: { ms: number; crossed: boolean }[] = []
    for (const client of clients) {
      client.doc.getMap<number>('edits').observe((event) => {
        if (event.transaction.local) return
        const now = performance.now()
        for (const key of event.keysChanged) {
          const from = Number(key.split(':')[0])
          const sentAt = client.doc.getMap<number>('edits').get(key)!
          arrivals.push({ ms: now - sentAt, crossed: clients[from].instance !== client.instance })
        }
      })
    }

    const edits: Promise<void>[] = []
    for (const client of clients) {
      for (let n = 0; n < EDITS_PER_CLIENT; n++) {
        const at = Math.random() * EDIT_WINDOW_MS
        edits.push(
          new Promise((resolve) =>
            setTimeout(() => {
              client.doc.getMap<number>('edits').set(`${client.id}:${n}`, performance.now())
              resolve()
            }, at)
          )
        )
      }
    }
    await Promise.all(edits)
    const expected = CLIENTS * EDITS_PER_CLIENT * (CLIENTS / DOCS - 1)
    const deadline = performance.now() + SETTLE_MS
    while (arrivals.length < expected && performance.now() < deadline) await sleep(100)

    const label = `${CLIENTS} clients, ${DOCS} documents, two instances + Redis`
    summarise(
      `load run: an edit reaching the others (${label})`,
      arrivals.map((a) => a.ms)
    )
    summarise(
      '  of which on the same instance',
      arrivals.filter((a) => !a.crossed).map((a) => a.ms)
    )
    summarise(
      '  of which through Redis to the other instance',
      arrivals.filter((a) => a.crossed).map((a) => a.ms)
    )
    report('load run: arrivals seen', `${arrivals.length} of ${expected}`)
    const memory = children.slice(1).map((child) => peakMb(child.pid))
    report('load run: peak memory per server instance', memory.map((mb) => `${mb} MB`).join(', '))

    for (const client of clients) {
      client.provider.destroy()
      client.socket.destroy()
    }
  } finally {
    for (const child of children.reverse()) child.kill('SIGTERM')
    await sleep(500)
    rmSync(root, { recursive: true, force: true })
  }
}

/** A client on its own connection, half of them on each instance; resolves once synced. */
function openClient(id: number, ports: number[], name: string): Promise<Client> {
  // Clients of one document are ids d, d + 10, d + 20…: alternate those between the instances.
  const instance = (Math.floor(id / DOCS) % 2) as 0 | 1
  const doc = new Y.Doc()
  const socket = new HocuspocusProviderWebsocket({
    url: `ws://127.0.0.1:${ports[instance]}`,
    WebSocketPolyfill: WebSocket
  })
  return new Promise((resolve, reject) => {
    const provider = new HocuspocusProvider({
      name,
      document: doc,
      websocketProvider: socket,
      token: TOKEN,
      awareness: null,
      onSynced: () => resolve({ id, instance, doc, provider, socket }),
      onAuthenticationFailed: () => reject(new Error('the load run’s token was refused'))
    })
    provider.attach()
  })
}

function summarise(name: string, times: number[]): void {
  if (!times.length) return report(name, 'none arrived')
  times.sort((a, b) => a - b)
  const pick = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]
  report(
    name,
    `median ${pick(0.5).toFixed(1)} ms   p95 ${pick(0.95).toFixed(1)} ms   max ${pick(1).toFixed(1)} ms   (n=${times.length})`
  )
}

/** A process's peak resident memory (Linux's VmHWM), or '?' where it cannot be read. */
function peakMb(pid: number | undefined): string {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1])
    return (kb / 1024).toFixed(0)
  } catch {
    return '?'
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** Resolves once something accepts connections on `port` (up to 30 s). */
async function listening(port: number): Promise<void> {
  const until = performance.now() + 30_000
  while (performance.now() < until) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => (socket.destroy(), resolve(true)))
      socket.once('error', () => resolve(false))
    })
    if (open) return
    await sleep(100)
  }
  throw new Error(`nothing listens on port ${port} after 30 s`)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
