#!/usr/bin/env node
// Builds the command line and the browser host into `<out>/hosts` (vite.hosts.config.mts), and
// tells whether that build is still current. `node scripts/build-hosts.cjs [--out DIR]` builds;
// bin/review-journal.cjs calls `ensureHostsBuilt()` before every run.
const { spawnSync } = require('node:child_process')
const {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync
} = require('node:fs')
const { join, resolve } = require('node:path')

const ROOT = resolve(__dirname, '..')
const LOCK_STALE_MS = 120_000
const OLD_CHUNK_MS = 24 * 3600_000
const MIGRATIONS_FOLDER = 'src/main/core/db/migrations'

/** The folder holding `cli.cjs` and `web.cjs`: `out/hosts`, or `$RJ_OUT_DIR/hosts`. */
function hostsDir(outDir = process.env.RJ_OUT_DIR || 'out') {
  return resolve(ROOT, outDir, 'hosts')
}

/**
 * Why the bundle in `dir` cannot be used as it is, or null when it can: missing, or older than
 * one of the files it was made from (listed in its `sources.json`). In a checkout that is being
 * edited this keeps `npm run journal` and the tests running the code as it is now; where the
 * sources are not shipped (an installed package) only a missing bundle counts.
 */
function staleReason(dir) {
  let builtAt
  let sources
  try {
    builtAt = statSync(join(dir, 'cli.cjs')).mtimeMs
    sources = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8'))
  } catch {
    return 'not built yet'
  }
  // The migrations folder too: its files are listed by a glob, so a new one changes the folder
  // (its time) but no file the bundle was made from.
  for (const file of [...sources, 'package-lock.json', 'vite.hosts.config.mts', MIGRATIONS_FOLDER]) {
    let changedAt
    try {
      changedAt = statSync(join(ROOT, file)).mtimeMs
    } catch {
      // A source that is gone changes the bundle only if a file still there stops importing it,
      // and that file is then newer; an installed package ships no sources at all.
      continue
    }
    if (changedAt > builtAt) return `${file} changed`
  }
  return null
}

/**
 * Builds into a folder of its own, then moves each file into place (chunks first, the entries
 * last), so a command started meanwhile finds either the old bundle or the new one, never half
 * of one. Throws with vite's output when the build fails.
 */
function buildHosts(dir = hostsDir()) {
  const startedAt = new Date()
  const staging = `${dir}.building-${process.pid}`
  rmSync(staging, { recursive: true, force: true })
  const vitePackage = require.resolve('vite/package.json', { paths: [ROOT] })
  const vite = join(vitePackage, '..', require(vitePackage).bin.vite)
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '-c', join(ROOT, 'vite.hosts.config.mts'), '--outDir', staging],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' }
    }
  )
  if (result.status !== 0) {
    rmSync(staging, { recursive: true, force: true })
    const output = `${result.stdout}${result.stderr}`.trim()
    const firstError = output.split('\n').find((line) => /error/i.test(line)) ?? output.split('\n')[0]
    throw new Error(
      `building the command line failed (node scripts/build-hosts.cjs shows why): ${firstError}`
    )
  }
  // A source saved while vite ran must count as newer than this build.
  utimesSync(join(staging, 'cli.cjs'), startedAt, startedAt)
  mkdirSync(join(dir, 'chunks'), { recursive: true })
  const chunks = readdirSync(join(staging, 'chunks'))
  for (const name of chunks) renameSync(join(staging, 'chunks', name), join(dir, 'chunks', name))
  removeOldChunks(join(dir, 'chunks'), new Set(chunks))
  const entries = readdirSync(staging).filter((name) => name !== 'chunks' && name !== 'cli.cjs')
  // cli.cjs last: its time is the build's time for staleReason().
  for (const name of [...entries, 'cli.cjs']) renameSync(join(staging, name), join(dir, name))
  rmSync(staging, { recursive: true, force: true })
}

/**
 * Makes sure a current bundle is in `dir`, building it when it is not. Several commands started
 * at once (a test run) build it once: the others wait for the lock and find it current.
 */
function ensureHostsBuilt(dir = hostsDir()) {
  if (!staleReason(dir)) return dir
  mkdirSync(dir, { recursive: true })
  const lock = join(dir, '.build-lock')
  const deadline = Date.now() + LOCK_STALE_MS
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch (err) {
      if (err.code !== 'EEXIST') throw err
      if (!staleReason(dir)) return dir
      const age = Date.now() - safeMtime(lock)
      if (age > LOCK_STALE_MS || Date.now() > deadline) rmSync(lock, { recursive: true, force: true })
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100)
    }
  }
  try {
    if (staleReason(dir)) buildHosts(dir)
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
  return dir
}

/**
 * Chunks of earlier builds, once no command could still be running from one: a command loads
 * its archive formats only when an import starts, which may be long after it began.
 */
function removeOldChunks(folder, current) {
  for (const name of readdirSync(folder)) {
    if (!current.has(name) && Date.now() - safeMtime(join(folder, name)) > OLD_CHUNK_MS)
      rmSync(join(folder, name), { force: true })
  }
}

function safeMtime(path) {
  try {
    return statSync(path).mtimeMs
  } catch {
    return 0
  }
}

module.exports = { ensureHostsBuilt, buildHosts, hostsDir, staleReason }

if (require.main === module) {
  const at = process.argv.indexOf('--out')
  // Beside the app that `electron-vite build` just wrote to out/, whatever RJ_OUT_DIR says.
  const dir = resolve(at > 0 ? process.argv[at + 1] : join(ROOT, 'out'), 'hosts')
  try {
    buildHosts(dir)
  } catch (err) {
    process.stderr.write(`${err.message}\n`)
    process.exit(1)
  }
  if (!existsSync(join(dir, 'cli.cjs'))) process.exit(1)
}
