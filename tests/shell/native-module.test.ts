import { afterEach, describe, expect, it } from 'vitest'
import { createRequire } from 'node:module'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ZipFile } from 'yazl'
import { createWriteStream } from 'node:fs'

const require = createRequire(import.meta.url)
const root = resolve(__dirname, '../..')
const sqlite = require(join(root, 'scripts/electron-sqlite.cjs'))
const dictionaries = require(join(root, 'scripts/fetch-dictionaries.cjs'))
const nodeBuild = join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rj-native-'))
  dirs.push(dir)
  return dir
}

describe('better-sqlite3 for Electron', () => {
  it('tells a Node build from an Electron build by the ABI in the binary', () => {
    expect(sqlite.abiOfBinary(nodeBuild)).toBe(Number(process.versions.modules))
    expect(sqlite.electronAbi('45.5.0')).toBe(150)
    expect(sqlite.abiOfBinary(nodeBuild)).not.toBe(sqlite.electronAbi('45.5.0'))
  })

  it('builds from a staged copy of the sources, so node_modules keeps the Node build', () => {
    const before = statSync(nodeBuild).mtimeMs
    const staging = sqlite.stage(temp())
    for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib'])
      expect(existsSync(join(staging, entry))).toBe(true)
    expect(existsSync(join(staging, 'build'))).toBe(false)
    expect(statSync(nodeBuild).mtimeMs).toBe(before)
  })

  it('clears npm’s nodedir and target settings that would yield a Node-ABI module labelled Electron', () => {
    process.env.npm_config_nodedir = '/usr'
    process.env.npm_config_target = '20.0.0'
    try {
      const env = sqlite.buildEnv()
      expect(env.npm_config_nodedir).toBeUndefined()
      expect(env.npm_config_target).toBeUndefined()
      expect(env.PATH).toBe(process.env.PATH)
    } finally {
      delete process.env.npm_config_nodedir
      delete process.env.npm_config_target
    }
  })

  it('skips the work only when the build on disk matches Electron, better-sqlite3 and the target', () => {
    const dir = temp()
    const want = sqlite.wanted('linux', 'x64')
    expect(sqlite.isCurrent(dir, want)).toBe(false)
    writeFileSync(join(dir, 'build.json'), JSON.stringify(want))
    writeFileSync(join(dir, sqlite.MODULE_FILE), 'binary')
    expect(sqlite.isCurrent(dir, want)).toBe(true)
    expect(sqlite.isCurrent(dir, { ...want, arch: 'arm64' })).toBe(false)
    expect(sqlite.targetDir(want)).toMatch(/\.electron-sqlite[\\/]linux-x64$/)
  })

  it('is run by npm start and npm run dist, and never by an install script', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    expect(pkg.scripts.postinstall).toBeUndefined()
    expect(pkg.scripts.install).toBeUndefined()
    expect(readFileSync(join(root, 'scripts/start.cjs'), 'utf8')).toContain('electron-sqlite.cjs')
    expect(readFileSync(join(root, 'scripts/dist.cjs'), 'utf8')).toContain('electron-sqlite.cjs')
  })
})

describe('bundled spellcheck dictionaries', () => {
  it('extracts only the chosen languages’ .bdic files from Electron’s dictionary zip', async () => {
    const dir = temp()
    const zipPath = join(dir, 'hunspell_dictionaries.zip')
    const zip = new ZipFile()
    for (const name of [
      'en-US-10-1.bdic',
      'en-GB-10-1.bdic',
      'es-ES-3-0.bdic',
      'en-USX-1-0.bdic',
      'notes.txt'
    ]) {
      zip.addBuffer(Buffer.from(name), name)
    }
    zip.end()
    await new Promise<void>((done) =>
      zip.outputStream.pipe(createWriteStream(zipPath)).on('close', () => done())
    )
    const out = join(dir, 'out')
    const written = await dictionaries.extractDictionaries(zipPath, out, ['en-US', 'en-GB'])
    expect(written).toEqual(['en-GB-10-1.bdic', 'en-US-10-1.bdic'])
    expect(readdirSync(out).sort()).toEqual(written)
  })
})
