// Proves the README's getting-started commands as written, on a fresh clone before anything else
// has built the app: `npm run web -- --data-dir D --port N` prints a URL that serves the app and
// whose /api/ refuses a caller without the token, and `npm start` says in one line when
// Electron's binary is missing. Run by .ci/run right after `npm ci`; exits 1 on the first failure.
const { spawn, spawnSync } = require('node:child_process')
const { existsSync, mkdtempSync, readFileSync, rmSync } = require('node:fs')
const { createServer } = require('node:net')
const { tmpdir } = require('node:os')
const { join } = require('node:path')

const root = join(__dirname, '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const STARTUP_MS = 240_000

function fail(message) {
  throw new Error(message)
}

/** A port nothing listens on right now, as a person would pick one. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

/** Starts `npm run web` and resolves with the URL it prints, or rejects with its output. */
function startWeb(dataDir, port) {
  const child = spawn(npm, ['run', 'web', '--', '--data-dir', dataDir, '--port', String(port)], {
    cwd: root,
    detached: process.platform !== 'win32',
    shell: process.platform === 'win32',
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no URL printed within ${STARTUP_MS / 1000} s:\n${output}`)),
      STARTUP_MS
    )
    const read = (chunk) => {
      output += chunk
      const match = /Open (http:\/\/\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`npm run web exited with ${code} before printing a URL:\n${output}`))
    })
  })
  return { child, url }
}

/** Stops the host and everything npm started for it. */
function stopWeb(child) {
  if (child.exitCode !== null) return Promise.resolve()
  const exited = new Promise((resolve) => child.on('exit', resolve))
  if (process.platform === 'win32') spawnSync('taskkill', ['/pid', String(child.pid), '/t', '/f'])
  else process.kill(-child.pid, 'SIGTERM')
  return exited
}

async function checkWeb() {
  const dataDir = mkdtempSync(join(tmpdir(), 'rj-readme-'))
  const port = await freePort()
  const { child, url } = startWeb(dataDir, port)
  try {
    const printed = await url
    const { origin, hash } = new URL(printed)
    if (origin !== `http://127.0.0.1:${port}`) fail(`the URL ${printed} is not on 127.0.0.1:${port}`)
    const token = new URLSearchParams(hash.slice(1)).get('token')
    if (!token) fail(`the URL ${printed} carries no token`)

    const page = await fetch(printed)
    const html = await page.text()
    if (page.status !== 200 || !html.includes('<title>Review Journal</title>'))
      fail(`${origin}/ answered ${page.status} without the app's index.html`)

    const api = `${origin}/api/app.info`
    const refused = await fetch(api, { method: 'POST' })
    if (refused.status !== 401) fail(`${api} without the token answered ${refused.status}, not 401`)
    const answered = await fetch(api, { method: 'POST', headers: { 'x-journal-token': token } })
    const body = await answered.json()
    if (answered.status !== 200 || body.ok !== true)
      fail(`${api} with the token answered ${answered.status} ${JSON.stringify(body)}`)
    if (!existsSync(join(dataDir, 'journal.sqlite'))) fail(`the journal was not created in ${dataDir}`)
    console.log(
      `npm run web: ${origin} serves the app; /api/ refuses a caller without the token and answers with it.`
    )
  } finally {
    await stopWeb(child)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** The Electron binary's path as scripts/start.cjs finds it, without require('electron'). */
function electronBinary() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

function checkStart() {
  if (electronBinary()) {
    console.log(
      'npm start: Electron is installed here, so it would open the app; the desktop suite covers it.'
    )
    return
  }
  // As a machine without internet meets it: where the download could succeed (hosted CI),
  // npm start would fetch Electron and open the app instead of answering.
  const result = spawnSync(npm, ['start', '--silent'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    shell: process.platform === 'win32'
  })
  const lines = `${result.stdout}${result.stderr}`.trim().split('\n').filter(Boolean)
  if (result.status !== 1) fail(`npm start exited with ${result.status}, not 1, where Electron is missing`)
  if (lines.length !== 1 || !lines[0].includes('npm run web'))
    fail(`npm start should print one line pointing to npm run web; it printed:\n${lines.join('\n')}`)
  console.log(`npm start: exits 1 with one line: ${lines[0]}`)
}

checkWeb()
  .then(checkStart)
  .catch((err) => {
    console.error(`README check failed: ${err.message}`)
    process.exit(1)
  })
