import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openCore, type Core } from '../src/main/core'
import type { ChannelInput, ChannelName, ChannelResult } from '../src/shared/contract'

export interface Stats {
  name: string
  runs: number
  medianMs: number
  p95Ms: number
  p99Ms: number
}

const results: Stats[] = []

/**
 * Times `fn` `runs` times (after `warmup` untimed runs) and prints median, p95 and p99. With
 * `pauseMs`, the event loop is left idle that long between runs (untimed), as between autosaves.
 */
export async function measure(
  name: string,
  runs: number,
  fn: () => unknown,
  warmup = 2,
  pauseMs = 0
): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs))
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const pick = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]
  const stats = { name, runs, medianMs: pick(0.5), p95Ms: pick(0.95), p99Ms: pick(0.99) }
  results.push(stats)
  console.log(
    `${name.padEnd(64)} median ${stats.medianMs.toFixed(2).padStart(9)} ms   p95 ${stats.p95Ms.toFixed(2).padStart(9)} ms   p99 ${stats.p99Ms.toFixed(2).padStart(9)} ms   (n=${runs})`
  )
  return stats
}

/** GNU time(1): the one way to read a whole process's peak memory from outside it. */
const GNU_TIME = '/usr/bin/time'
const CLI = resolve(__dirname, '../bin/review-journal.cjs')

/**
 * Runs one command of the journal's command line (the bundle a critic runs) as a process of its
 * own, as one computer would: its wall time in milliseconds and its peak memory in MiB.
 */
export function timedCli(args: string[]): { ms: number; peakMiB: number } {
  if (!existsSync(GNU_TIME))
    throw new Error(`this bench needs GNU time at ${GNU_TIME} for peak memory (apt install time)`)
  const start = performance.now()
  const run = spawnSync(GNU_TIME, ['-f', '%M', process.execPath, CLI, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20
  })
  const ms = performance.now() - start
  if (run.status !== 0) throw new Error(`journal ${args.join(' ')} failed: ${run.stderr}`)
  return { ms, peakMiB: Number(run.stderr.trim().split('\n').at(-1)) / 1024 }
}

/** Prints one run of `timedCli`. */
export function reportRun(name: string, run: { ms: number; peakMiB: number }): void {
  report(name, `${(run.ms / 1000).toFixed(2)} s, peak ${run.peakMiB.toFixed(0)} MiB`)
}

/** Prints a figure that is not a timing loop (a rate, a peak memory). */
export function report(name: string, value: string): void {
  console.log(`${name.padEnd(64)} ${value}`)
}

/** A fresh journal in a temp folder for one suite; removed by `done()`. */
export async function benchJournal(): Promise<Core & { done(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'rj-bench-'))
  const core = await openCore({ dataDir: dir, version: 'bench' })
  return Object.assign(core, {
    done() {
      core.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
}

export function allResults(): Stats[] {
  return results
}

/** Calls a channel and returns its value; a failed call stops the bench. */
export async function call<K extends ChannelName>(
  core: Core,
  channel: K,
  input?: ChannelInput<K>
): Promise<ChannelResult<K>> {
  const result = await core.dispatch(channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value as ChannelResult<K>
}

/**
 * Samples this process's RSS (all threads, so a worker's memory counts) and the longest stall of
 * this thread's event loop, every 10 ms until `stop()`.
 */
export function sampler(): { stop(): { peakMb: number; worstStallMs: number } } {
  let peak = process.memoryUsage().rss
  let worstStall = 0
  let last = performance.now()
  const timer = setInterval(() => {
    const now = performance.now()
    worstStall = Math.max(worstStall, now - last - 10)
    last = now
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 10)
  return { stop: () => (clearInterval(timer), { peakMb: peak / 1024 ** 2, worstStallMs: worstStall }) }
}
