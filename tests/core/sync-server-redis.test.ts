import { afterEach, describe, expect, it, vi } from 'vitest'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { openTestJournal, tempDir, type TestJournal } from '../support/journal'
import { SyncFailure, syncWithServer, watchServer } from '../../src/main/core/sync'
import { journalContents, paragraphs, shownContents } from './sync.support'
import { startTestServer, stopTestServers, syncThrough, titles, TOKEN, until } from './sync-server.support'

// Debian's redis-server (.ci/run installs it). Skipped only where it is not installed, since
// these tests need a real Redis between the two instances and there is none to download here.
const hasRedis = spawnSync('redis-server', ['--version']).status === 0

const redises: ChildProcess[] = []
afterEach(async () => {
  await stopTestServers()
  for (const redis of redises.splice(0)) {
    redis.kill('SIGTERM')
    await new Promise((done) => (redis.exitCode === null ? redis.on('exit', done) : done(null)))
  }
})

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/** A Redis of its own (on a free port unless told), nothing written to disk; answers its address. */
async function startRedis(port?: number): Promise<string> {
  port ??= await freePort()
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  )
  redises.push(child)
  await new Promise<void>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('Ready to accept connections')) resolve()
    })
    child.on('exit', (code) => reject(new Error(`redis-server exited ${code}: ${out}`)))
  })
  return `redis://127.0.0.1:${port}`
}

/** Stops the Redis started last, and waits until it is gone. */
async function stopRedis(): Promise<void> {
  const lost = redises.pop()!
  lost.kill('SIGTERM')
  await new Promise((done) => lost.on('exit', done))
}

/** Whether both instances have said that Redis is back (`said`: what they wrote to stderr). */
const bothBack = (said: string[]) =>
  said.filter((line) => /^sync-server: Redis at \S+ is back/.test(line)).length === 2

/**
 * Waits until the instance at `url` has heard, through Redis, of a push `journal` has not read
 * yet. One instance hears of another's push a moment after it is stored; a journal's automatic
 * sync waits for the same news (a watch) before its round.
 */
async function heardOf(journal: TestJournal, url: string): Promise<void> {
  let told = false
  const watch = await watchServer(journal.db, { url, token: TOKEN }, () => (told = true))
  try {
    expect(await until(() => told)).toBe(true)
  } finally {
    watch.close()
  }
}

/** A Redis, two instances sharing it and one data folder, and two empty journals. */
async function twoInstancesTwoJournals() {
  const redis = await startRedis()
  const dataDir = tempDir('rj-sync-server-')
  const one = await startTestServer({ dataDir, redis })
  const two = await startTestServer({ dataDir, redis })
  return { redis, one, two, a: await openTestJournal(), b: await openTestJournal() }
}

describe.skipIf(!hasRedis)('two sync server instances sharing one Redis', () => {
  it('bring two journals, each on its own instance, to the same journal', async () => {
    const { one, two, a, b } = await twoInstancesTwoJournals()
    const review = await a.call('reviews.create', { title: 'Close-Up' })
    await a.call('reviews.save', { id: review.id, body: paragraphs('A man pretends.', 'A court listens.') })
    await syncThrough(a, one.url)
    await heardOf(b, two.url)
    expect((await syncThrough(b, two.url)).applied).toMatchObject({ reviews: 1 })

    await a.call('reviews.save', {
      id: review.id,
      body: paragraphs('A poor man pretends.', 'A court listens.')
    })
    await b.call('reviews.save', {
      id: review.id,
      body: paragraphs('A man pretends.', 'A court listens, and forgives.')
    })
    const fromB = await b.call('reviews.create', { title: 'Taste of Cherry' })
    await a.call('screenings.log', { film: { title: 'Close-Up', year: 1990 }, watchedOn: '2026-02-02' })
    await syncThrough(a, one.url)
    await heardOf(b, two.url)
    await syncThrough(b, two.url)
    await heardOf(a, one.url)
    await syncThrough(a, one.url)

    expect((await b.call('reviews.get', { id: review.id })).text).toBe(
      'A poor man pretends.\n\nA court listens, and forgives.'
    )
    expect((await a.call('reviews.get', { id: fromB.id })).title).toBe('Taste of Cherry')
    expect(journalContents(a.db)).toEqual(journalContents(b.db))
    expect(await shownContents(a)).toEqual(await shownContents(b))
  })

  it('tell a journal watching one instance of a push made through the other, while both are open', async () => {
    const { one, two, a, b } = await twoInstancesTwoJournals()
    let told = 0
    const watch = await watchServer(b.db, { url: two.url, token: TOKEN }, () => told++)
    try {
      expect(told).toBe(0)
      await a.call('reviews.create', { title: 'Live' })
      await syncThrough(a, one.url)
      expect(await until(() => told > 0)).toBe(true)
      await syncThrough(b, two.url)
      expect(titles(b)).toEqual(['Live'])
    } finally {
      watch.close()
    }
  })

  it('refuse a round while Redis is away, journal unchanged, and meet again once it is back', async () => {
    const { redis, one, two, a, b } = await twoInstancesTwoJournals()
    await a.call('reviews.create', { title: 'Before' })
    await syncThrough(a, one.url)
    await heardOf(b, two.url)
    await syncThrough(b, two.url)

    const said: string[] = []
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((line) => {
      said.push(String(line))
      return true
    })
    try {
      await stopRedis()
      await a.call('reviews.create', { title: 'While Redis was away' })
      const before = journalContents(a.db)
      const refused = await syncWithServer(a.db, { url: one.url, token: TOKEN, timeoutMs: 2_000 }).then(
        () => null,
        (err: unknown) => err
      )
      expect((refused as SyncFailure).code).toBe('SERVER_TIMED_OUT')
      expect(journalContents(a.db)).toEqual(before)

      await startRedis(Number(new URL(redis).port))
      // Each instance says once that Redis is gone, and once that it is back.
      expect(await until(() => bothBack(said), 15_000)).toBe(true)
    } finally {
      stderr.mockRestore()
    }
    expect(said.filter((line) => /lost Redis at redis:/.test(line))).toHaveLength(2)
    expect(said.filter((line) => line.startsWith('sync-server:'))).toHaveLength(4)
    await syncThrough(a, one.url)
    await heardOf(b, two.url)
    await syncThrough(b, two.url)
    expect(titles(b)).toEqual(['Before', 'While Redis was away'])
    expect(journalContents(a.db)).toEqual(journalContents(b.db))
  })

  it('go on telling a journal that watched through a Redis outage of pushes made after it', async () => {
    const { redis, one, two, a, b } = await twoInstancesTwoJournals()
    await a.call('reviews.create', { title: 'Before' })
    await syncThrough(a, one.url)
    let told = 0
    const watch = await watchServer(b.db, { url: two.url, token: TOKEN }, () => told++)
    const said: string[] = []
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((line) => {
      said.push(String(line))
      return true
    })
    try {
      expect(await until(() => told > 0)).toBe(true)
      await syncThrough(b, two.url)
      await stopRedis()
      expect(await until(() => said.filter((line) => /lost Redis/.test(line)).length === 2)).toBe(true)
      await startRedis(Number(new URL(redis).port))
      expect(await until(() => bothBack(said), 15_000)).toBe(true)

      // The watch was never closed: the instance it is on hears of a push through the other.
      const heard = told
      await a.call('reviews.create', { title: 'After the outage' })
      await syncThrough(a, one.url)
      expect(await until(() => told > heard)).toBe(true)
      await syncThrough(b, two.url)
      expect(titles(b)).toEqual(['After the outage', 'Before'])
    } finally {
      watch.close()
      stderr.mockRestore()
    }
  })
})
