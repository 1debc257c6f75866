import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtinModules, createRequire } from 'node:module'
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { listPackage } from '@electron/asar'
import { parse } from 'yaml'

const root = resolve(__dirname, '../..')
const require = createRequire(import.meta.url)
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'

/**
 * A stand-in for Electron's unpacked distribution (the real one cannot be downloaded here):
 * an executable carrying Electron's fuse wire, all fuses on, so the afterPack hook's work shows.
 */
function standInElectron(dir: string): void {
  mkdirSync(dir, { recursive: true })
  const wire = Buffer.concat([
    Buffer.from('#!/bin/sh\nexit 0\n'),
    Buffer.from(SENTINEL),
    Buffer.from([1, 9]),
    Buffer.alloc(9, 0x31)
  ])
  writeFileSync(join(dir, 'electron'), wire)
  chmodSync(join(dir, 'electron'), 0o755)
}

/** Every package reachable from `dependencies` (what npm installs with --omit=dev). */
function productionPackages(): Set<string> {
  let listing: string
  try {
    listing = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore']
    })
  } catch (err) {
    listing = (err as { stdout: string }).stdout // npm ls exits 1 on warnings yet prints the tree
  }
  return new Set(
    listing
      .split('\n')
      .map((line) =>
        /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)$/.exec(line.trim())?.[1]?.replace(/\\/g, '/')
      )
      .filter((n): n is string => !!n)
  )
}

const work = mkdtempSync(join(tmpdir(), 'rj-pack-'))
const built = join(work, 'out')

describe('the packaged app', () => {
  beforeAll(() => {
    execFileSync(
      process.execPath,
      [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', built],
      { cwd: root, stdio: 'pipe' }
    )
  }, 120_000)
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  it('holds the built app in app.asar, the Electron native module outside it, and nothing else', async () => {
    standInElectron(join(work, 'electron'))
    // Stands in for the Electron-ABI build scripts/electron-sqlite.cjs obtains on a real machine.
    mkdirSync(join(work, 'native'))
    copyFileSync(
      join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
      join(work, 'native/better_sqlite3.node')
    )

    const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'))
    const { build, Platform } = await import('electron-builder')
    // The project's configuration with only the inputs swapped for the stand-ins, written to a
    // file of its own: a config object would be merged with electron-builder.yml, not replace it.
    const testConfig = join(work, 'electron-builder.json')
    writeFileSync(
      testConfig,
      JSON.stringify({
        ...config,
        electronDist: join(work, 'electron'),
        electronVersion: '45.5.0',
        directories: { ...config.directories, output: join(work, 'release') },
        files: [{ from: built, to: 'out' }, ...config.files.filter((f: string) => f !== 'out/**')],
        extraResources: [{ from: join(work, 'native/better_sqlite3.node'), to: 'native/better_sqlite3.node' }]
      })
    )
    await build({ projectDir: root, targets: Platform.LINUX.createTarget('dir'), config: testConfig })

    const resources = join(work, 'release/linux-unpacked/resources')
    const files = listPackage(join(resources, 'app.asar'), { isPack: false }).map((f) =>
      f.replace(/\\/g, '/')
    )
    for (const expected of [
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/package.json',
      '/node_modules/better-sqlite3/lib/index.js',
      '/node_modules/zod/package.json'
    ]) {
      expect(files).toContain(expected)
    }
    expect(files.some((f) => /^\/out\/renderer\/assets\/.+\.js$/.test(f))).toBe(true)
    // Every package the built main process (and its workers) requires is in the archive.
    const mainFiles = files.filter((f) => /^\/out\/main\/.+\.js$/.test(f))
    const required = new Set<string>()
    for (const file of mainFiles) {
      const code = readFileSync(join(built, file.slice('/out/'.length)), 'utf8')
      for (const [, id] of code.matchAll(/require\("([^"./][^"]*)"\)/g)) {
        // Node's own modules, with or without `node:` (electron-vite's ?asset helper writes `path`).
        if (id === 'electron' || id.startsWith('node:') || builtinModules.includes(id)) continue
        required.add(id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0])
      }
    }
    expect(required.size).toBeGreaterThan(5)
    expect([...required].filter((name) => !files.includes(`/node_modules/${name}/package.json`))).toEqual([])
    // Native code is loaded from disk: the Electron build sits beside the archive.
    expect(existsSync(join(resources, 'native/better_sqlite3.node'))).toBe(true)
    expect(files.filter((f) => f.endsWith('.node'))).toEqual([])
    // What the app loads at run time (the window icon) is in resources/, unpacked so the OS can read it.
    expect(files).toContain('/resources/icon.png')
    expect(existsSync(join(resources, 'app.asar.unpacked/resources/icon.png'))).toBe(true)
    // Build-only assets (installer icons, entitlements) stay out of the app.
    expect(files.filter((f) => f.startsWith('/build/'))).toEqual([])
    // No sources, tests, source maps, C sources of the Node build, or development dependencies.
    expect(files.filter((f) => /\.(map|tsx?|mts)$/.test(f) && !f.endsWith('.d.ts'))).toEqual([])
    expect(
      files.filter((f) => f.startsWith('/src/') || f.startsWith('/tests/') || f.startsWith('/scripts/'))
    ).toEqual([])
    expect(files.filter((f) => /^\/node_modules\/better-sqlite3\/(build|deps|src)\//.test(f))).toEqual([])
    const production = productionPackages()
    const shipped = new Set(
      files
        .map((f) => /^\/node_modules\/((?:@[^/]+\/)?[^/@][^/]*)/.exec(f)?.[1])
        .filter((n): n is string => !!n)
    )
    expect([...shipped].filter((name) => !production.has(name))).toEqual([])
    for (const tool of [
      'electron',
      'electron-builder',
      'vite',
      'vitest',
      'typescript',
      'react',
      '@playwright/test'
    ])
      expect(shipped.has(tool)).toBe(false)

    // The afterPack hook flipped the fuses: no running as Node, no inspector, no NODE_OPTIONS.
    const { getCurrentFuseWire, FuseV1Options, FuseState } = await import('@electron/fuses')
    const wire = await getCurrentFuseWire(join(work, 'release/linux-unpacked/review-journal'))
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE)
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE)
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE)
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE)
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE)
  }, 240_000)

  it('passes Electronegativity over the built main and preload, offline, with every finding justified', async () => {
    const scanned = join(work, 'scan')
    mkdirSync(scanned)
    for (const part of ['main', 'preload'])
      cpSync(join(built, part), join(scanned, part), { recursive: true })
    const result = await runElectronegativity(scanned)
    expect(result.errors).toEqual([])
    expect(result.atomicChecks).toBeGreaterThan(30)
    const { justified } = JSON.parse(
      readFileSync(join(root, 'security/electronegativity-justified.json'), 'utf8')
    ) as { justified: { id: string; file: string; reason: string }[] }
    const found = result.issues.map((i) => ({ id: i.id, file: i.file.replace(/\\/g, '/') }))
    const unexplained = found.filter((f) => !justified.some((j) => j.id === f.id && j.file === f.file))
    expect(unexplained).toEqual([])
    // A justification that no longer matches a finding is stale: remove it.
    const stale = justified.filter((j) => !found.some((f) => f.id === j.id && f.file === j.file))
    expect(stale).toEqual([])
    for (const entry of justified) expect(entry.reason.length).toBeGreaterThan(40)
  }, 120_000)
})

interface Finding {
  id: string
  file: string
}

/**
 * Runs Electronegativity offline: its check of Electron's release list is excluded, and the
 * HTTP client it would use to fetch translations is replaced by one that fails at once.
 */
async function runElectronegativity(
  input: string
): Promise<{ issues: Finding[]; errors: unknown[]; atomicChecks: number }> {
  const fromTool = createRequire(require.resolve('@doyensec/electronegativity'))
  const got = fromTool.resolve('got')
  const offline = () => Promise.reject(new Error('offline: no network in tests'))
  fromTool.cache[got] = {
    id: got,
    filename: got,
    loaded: true,
    exports: Object.assign(offline, { default: offline })
  } as never
  const tool = fromTool('@doyensec/electronegativity')
  const run = (tool.default ?? tool) as (
    o: object
  ) => Promise<{ issues: Finding[]; errors: unknown[]; atomicChecks: number }>
  return run({
    input,
    electronVersionOverride: '45.5.0',
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    isRelative: true
  })
}
