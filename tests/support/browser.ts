import { existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { chromium } from 'playwright-core'

/**
 * Which Chromium the end-to-end suites drive, found the same way on every machine: a Debian CI
 * box has /usr/bin/chromium, a laptop has Chrome, and anywhere else Playwright's own build is
 * installed by `scripts/ensure-browser.cjs` before the tests start.
 */
export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | 'Playwright'

export interface FoundChromium {
  path: string
  source: ChromiumSource
}

/** Switches that keep a test browser quiet and offline, and let it run as root in containers. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage'
]

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']

/** Where Chromium or Chrome is installed by default on macOS and Windows, or on PATH elsewhere. */
function wellKnownSystemPaths(env: NodeJS.ProcessEnv): string[] {
  if (process.platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      join(env.HOME ?? '', 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome')
    ]
  }
  if (process.platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (r): r is string => !!r
    )
    return roots.flatMap((r) => [
      join(r, 'Chromium', 'Application', 'chrome.exe'),
      join(r, 'Google', 'Chrome', 'Application', 'chrome.exe')
    ])
  }
  // As a shell would find it on PATH; /usr/bin too, for a PATH trimmed by a test runner.
  const onPath = (env.PATH ?? '').split(delimiter).filter(Boolean)
  return [...onPath, '/usr/bin'].flatMap((dir) => SYSTEM_NAMES.map((name) => join(dir, name)))
}

/** Playwright's own Chromium, if `npx playwright install chromium` has put it in place. */
function playwrightChromium(): string | null {
  const path = chromium.executablePath()
  return path && existsSync(path) ? path : null
}

/**
 * The first browser found among CHROMIUM_PATH, the system's Chromium or Chrome, and Playwright's
 * own; null when there is none. A CHROMIUM_PATH that names no file is an error, not a fallback,
 * so a typo never silently tests another browser.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): FoundChromium | null {
  if (env.CHROMIUM_PATH) {
    if (!existsSync(env.CHROMIUM_PATH))
      throw new Error(`CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which does not exist.`)
    return { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' }
  }
  const system = wellKnownSystemPaths(env).find((p) => existsSync(p))
  if (system) return { path: system, source: 'system' }
  const bundled = playwrightChromium()
  return bundled ? { path: bundled, source: 'Playwright' } : null
}

/**
 * Launch options for every Playwright suite (the e2e config, the Electron suite, the shell
 * harness). Without a browser found, the executable path is left to Playwright, whose error says
 * to run `npx playwright install chromium`.
 */
export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  const found = findChromium()
  return found ? { executablePath: found.path, args: [...CHROMIUM_ARGS] } : { args: [...CHROMIUM_ARGS] }
}

/** The one line a suite prints first, so a run's log says which browser it tested. */
export function describeChromium(found: FoundChromium | null): string {
  return found
    ? `End-to-end tests use Chromium at ${found.path} (from ${found.source})`
    : 'End-to-end tests found no Chromium: set CHROMIUM_PATH, install Chromium, or run `npx playwright install chromium`'
}
