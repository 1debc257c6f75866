import Module, { createRequire } from 'node:module'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve, sep } from 'node:path'
import { ShellApp, type ShellAppOptions } from './app'
import { electronModule } from './electron'
import { NotModelledError } from './strict'

export const ROOT = resolve(__dirname, '../../..')
/** The built app the harness runs: `out/` (or RJ_OUT_DIR), as `npm run build` leaves it. */
export const OUT_DIR = resolve(ROOT, process.env.RJ_OUT_DIR ?? 'out')

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown
const moduleInternals = Module as unknown as { _load: Loader }
const originalLoad = moduleInternals._load
const loadMain = createRequire(__filename)
let loading: { shell: ShellApp; electron: Record<string, unknown> } | null = null

// `require('electron')` from the shell's bundle gets the stand-in of the app being loaded.
moduleInternals._load = function (request, parent, isMain) {
  if (request !== 'electron') return originalLoad.call(this, request, parent, isMain)
  if (!loading)
    throw new NotModelledError(
      `require('electron') outside the shell's start-up (from ${String((parent as { filename?: string })?.filename)})`
    )
  return loading.electron
}

export interface LaunchOptions extends Partial<Omit<ShellAppOptions, 'userData'>> {
  /** The data folder: REVIEW_JOURNAL_DATA_DIR, as the tests of the real app set it. */
  dataDir: string
  /** Files macOS hands over with `open-file` while the app starts. */
  openFiles?: string[]
}

/**
 * Starts the built desktop app (`out/main/index.js`) under Node with the `electron` stand-in,
 * its windows drawn in Chromium. Each launch loads the bundle afresh, as a new process would.
 */
export async function launchShell(options: LaunchOptions): Promise<ShellApp> {
  const shell = new ShellApp({
    userData: join(mkdtempSync(join(tmpdir(), 'rj-shell-home-')), 'Review Journal'),
    argv: options.argv ?? [],
    appPath: options.appPath ?? ROOT,
    version: options.version ?? '0.0.0-harness',
    systemTheme: options.systemTheme ?? 'light',
    workArea: options.workArea ?? { x: 0, y: 0, width: 1600, height: 1000 }
  })
  await shell.startBrowser()
  const main = join(OUT_DIR, 'main', 'index.js')
  for (const id of Object.keys(require.cache))
    if (id.startsWith(join(OUT_DIR, 'main') + sep)) delete require.cache[id]
  const saved = { argv: process.argv, dataDir: process.env.REVIEW_JOURNAL_DATA_DIR }
  loading = { shell, electron: electronModule(shell) }
  try {
    process.argv = [process.execPath, ...shell.options.argv]
    process.env.REVIEW_JOURNAL_DATA_DIR = options.dataDir
    loadMain(main)
  } finally {
    loading = null
    process.argv = saved.argv
    if (saved.dataDir === undefined) delete process.env.REVIEW_JOURNAL_DATA_DIR
    else process.env.REVIEW_JOURNAL_DATA_DIR = saved.dataDir
  }
  for (const file of options.openFiles ?? []) shell.openFile(file)
  shell.markLoaded()
  return shell
}
