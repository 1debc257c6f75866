// Obtains better-sqlite3 built for Electron's ABI into .electron-sqlite/ (used by `npm start`
// and `npm run dist`), leaving node_modules' Node build alone for the tests and the CLI.
// First a prebuilt binary (prebuild-install, better-sqlite3's own dependency), else a compile
// with node-gyp against Electron's headers. The result is checked for the right ABI.
const {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  copyFileSync
} = require('node:fs')
const { join } = require('node:path')
const { spawnSync } = require('node:child_process')

const root = join(__dirname, '..')
const outDir = join(root, '.electron-sqlite')
const MODULE_FILE = 'better_sqlite3.node'

function packageVersion(name) {
  return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version
}

/** The Node ABI a native module was built for, read from its registration symbol; null if none. */
function abiOfBinary(file) {
  const match = /node_register_module_v(\d+)/.exec(readFileSync(file).toString('latin1'))
  return match ? Number(match[1]) : null
}

/** Electron's ABI number for `version` (node-abi is installed with prebuild-install). */
function electronAbi(version) {
  return Number(require('node-abi').getAbi(version, 'electron'))
}

/** What the build in .electron-sqlite/ is for; the script skips work when it already matches. */
function wanted(platform = process.platform, arch = process.arch) {
  return {
    electron: packageVersion('electron'),
    betterSqlite3: packageVersion('better-sqlite3'),
    platform,
    arch
  }
}

function isCurrent(dir, want) {
  try {
    const stamp = JSON.parse(readFileSync(join(dir, 'build.json'), 'utf8'))
    return JSON.stringify(stamp) === JSON.stringify(want) && existsSync(join(dir, MODULE_FILE))
  } catch {
    return false
  }
}

/** Copies better-sqlite3's sources to a staging folder so nothing in node_modules is rebuilt. */
function stage(dir) {
  const source = join(root, 'node_modules', 'better-sqlite3')
  const staging = join(dir, 'staging')
  rmSync(staging, { recursive: true, force: true })
  mkdirSync(staging, { recursive: true })
  for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
    cpSync(join(source, entry), join(staging, entry), { recursive: true })
  }
  return staging
}

/** Environment for the builds: this machine's `nodedir` would silently give a Node-ABI module. */
function buildEnv() {
  const env = { ...process.env }
  for (const key of Object.keys(env))
    if (/^npm_config_(nodedir|target|runtime|disturl|arch)$/i.test(key)) delete env[key]
  return env
}

function run(command, args, cwd) {
  const result = spawnSync(process.execPath, [require.resolve(command), ...args], {
    cwd,
    stdio: 'inherit',
    env: buildEnv()
  })
  return result.status === 0
}

/** `.electron-sqlite/<platform>-<arch>/`: packaging picks the folder of each target arch. */
function targetDir(want) {
  return join(outDir, `${want.platform}-${want.arch}`)
}

function obtain(want) {
  const dir = targetDir(want)
  mkdirSync(dir, { recursive: true })
  const staging = stage(dir)
  const built = join(staging, 'build', 'Release', MODULE_FILE)
  const common = [`--runtime=electron`, `--target=${want.electron}`, `--arch=${want.arch}`]
  const fetched = run('prebuild-install/bin.js', [...common, `--platform=${want.platform}`], staging)
  if (!fetched || !existsSync(built)) {
    console.log('[electron-sqlite] No prebuilt binary; compiling against Electron headers (a few minutes)…')
    const compiled = run(
      'node-gyp/bin/node-gyp.js',
      ['rebuild', '--release', ...common, '--dist-url=https://electronjs.org/headers', `--jobs=max`],
      staging
    )
    if (!compiled || !existsSync(built))
      throw new Error(
        'Could not obtain better-sqlite3 for Electron (no prebuilt binary, and the compile failed).'
      )
  }
  const abi = abiOfBinary(built)
  const expected = electronAbi(want.electron)
  if (abi !== expected) {
    throw new Error(
      `The better-sqlite3 build is for ABI ${abi}, but Electron ${want.electron} needs ABI ${expected}.`
    )
  }
  copyFileSync(built, join(dir, MODULE_FILE))
  writeFileSync(join(dir, 'build.json'), JSON.stringify(want))
  rmSync(staging, { recursive: true, force: true })
}

function main() {
  // `--arch x64 --arch arm64` for packaging several targets; the host's arch by default.
  const archs = process.argv.flatMap((arg, i, all) => (all[i - 1] === '--arch' ? [arg] : []))
  for (const arch of archs.length ? archs : [process.arch]) {
    const want = wanted(process.platform, arch)
    if (!isCurrent(targetDir(want), want)) obtain(want)
    console.log(
      `[electron-sqlite] better-sqlite3 for Electron ${want.electron} (${want.platform}-${arch}) is ready.`
    )
  }
  // The development app (`npm start`) looks for the host's build at the top of the folder.
  const host = targetDir(wanted())
  if (existsSync(join(host, MODULE_FILE))) copyFileSync(join(host, MODULE_FILE), join(outDir, MODULE_FILE))
}

module.exports = { abiOfBinary, electronAbi, wanted, isCurrent, stage, buildEnv, targetDir, MODULE_FILE }

if (require.main === module) {
  try {
    main()
  } catch (err) {
    console.error(`[electron-sqlite] ${err.message}`)
    process.exit(1)
  }
}
