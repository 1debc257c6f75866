// `npm start`: the desktop app where Electron's binary is installed; one clear line where not.
const { existsSync, readFileSync } = require('node:fs')
const { join } = require('node:path')
const { spawnSync } = require('node:child_process')

const root = join(__dirname, '..')

/** The Electron binary's path, without require('electron') (which would try to download it). */
function electronBinary() {
  const dir = join(root, 'node_modules', 'electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

/**
 * Electron 45 has no install script: its binary downloads the first time it is asked for, and
 * `npm install` never asks. Ask once here, quietly (its own failure is a stack trace), so
 * `npm install && npm start` opens the app on a machine with internet, and says one line where
 * it cannot.
 */
function downloadElectron() {
  const install = join(root, 'node_modules', 'electron', 'install.js')
  // Electron's long-standing switch for "never download the binary" (older versions honour it).
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || !existsSync(install)) return null
  // A note for a person waiting at a terminal; scripts reading the output get only the result.
  if (process.stdout.isTTY) console.log('Downloading the Electron binary (once)…')
  spawnSync(process.execPath, [install], { cwd: root, stdio: 'ignore', timeout: 10 * 60_000 })
  return electronBinary()
}

const binary = electronBinary() ?? downloadElectron()
if (!binary) {
  console.error(
    'The Electron binary is not installed on this machine, so the desktop app cannot open here; run `npm run web` to use the journal in a browser.'
  )
  process.exit(1)
}

// Spellcheck dictionaries are worth having but not worth refusing to start over.
const dictionaries = spawnSync('node', [join(root, 'scripts', 'fetch-dictionaries.cjs')], {
  stdio: 'inherit',
  cwd: root
})
if (dictionaries.status !== 0)
  console.warn('Spellcheck dictionaries could not be fetched; the app starts without them.')

const steps = [
  ['node', [join(root, 'scripts', 'electron-sqlite.cjs')]],
  ['npx', ['electron-vite', 'build']],
  [binary, ['.']]
]
for (const [command, args] of steps) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    cwd: root,
    shell: process.platform === 'win32'
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
