import { Worker } from 'node:worker_threads'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createRequire } from 'node:module'

/** The code a thread can run: the bundle's entry name, and its TypeScript source beside this file. */
const ENTRIES = {
  /** An import or export, with its own connection to the journal. */
  archiveWorker: 'archiveWorker.ts',
  /** HTML and Markdown to review documents for an import running in `archiveWorker` (see `ConversionPool`). */
  conversionWorker: 'conversionWorker.ts'
} as const

export type ThreadEntry = keyof typeof ENTRIES

/**
 * Every thread's heap is bounded. Left to itself, V8 lets a busy thread's heap grow with its
 * garbage: a WordPress import (two threads) peaked at 410–430 MB for the whole process; with
 * these bounds, 280–290 MB, in the same time. 512 MB still holds the largest single document an
 * import accepts (64 MB, see files/limits.ts) while it is parsed. A young generation of 8 MB
 * spent 1.8 s of a 5,000-post / 50,000-comment import's 11 s in the collector; 16 MB takes 1.3 s
 * less CPU for about 10 MB more at the peak (32 MB: 0.2 s less again, for 40 MB more).
 */
const HEAP_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 16 }

/**
 * Starts `entry` in a worker thread. Its code is beside the bundled main process (electron-vite
 * writes `archiveWorker.js` and `conversionWorker.js` next to `index.js`), else the TypeScript
 * source, loaded through tsx's require hook (tests, CLI, browser host run from source).
 */
export function startThread(entry: ThreadEntry, workerData: unknown): Worker {
  // A thread sees this process's environment, NODE_ENV included (set by openCore for Lexical).
  const options = { workerData, resourceLimits: HEAP_LIMITS }
  // The bundler may place this code in a shared chunk one folder down.
  const bundled = [join(__dirname, `${entry}.js`), join(__dirname, '..', `${entry}.js`)].find((f) =>
    existsSync(f)
  )
  if (bundled) return new Worker(bundled, options)
  const load = createRequire(join(__dirname, 'threads.ts'))
  const bootstrap = `require(${JSON.stringify(load.resolve('tsx/cjs'))}); require(${JSON.stringify(join(__dirname, ENTRIES[entry]))})`
  return new Worker(bootstrap, { ...options, eval: true })
}
