import { test as base, expect } from '@playwright/test'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchShell, type LaunchOptions } from './harness/launch'
import type { ShellApp } from './harness/app'

export interface Desktop {
  /** A fresh journal folder for this test. */
  dataDir: string
  /** The system's temporary folder for this test (TMPDIR), to see what the app leaves there. */
  tempDir: string
  /** Another empty folder under this test's own, for a second journal or exported files. */
  folder(name: string): string
  /** Launches the built desktop app on `dataDir` (or another folder), as a double-click would. */
  launch(options?: Partial<LaunchOptions>): Promise<ShellApp>
  /** Quits as Ctrl+Q does and waits for the process's end. */
  quit(app: ShellApp): Promise<number>
}

/** A data folder per test; every app launched in it is made to exit, and checked for harness failures. */
export const test = base.extend<{ desktop: Desktop }>({
  desktop: async ({}, use) => {
    const root = mkdtempSync(join(tmpdir(), 'rj-desktop-'))
    const dataDir = join(root, 'journal')
    const tempDir = join(root, 'tmp')
    mkdirSync(tempDir)
    const savedTemp = process.env.TMPDIR
    process.env.TMPDIR = tempDir
    const launched: ShellApp[] = []
    await use({
      dataDir,
      tempDir,
      folder: (name) => {
        const path = join(root, name)
        mkdirSync(path, { recursive: true })
        return path
      },
      launch: async (options = {}) => {
        const app = await launchShell({ dataDir, ...options })
        launched.push(app)
        return app
      },
      quit: async (app) => {
        app.quit()
        return app.exited
      }
    })
    for (const app of launched) {
      if (app.exitCode === null) {
        app.quit()
        await Promise.race([app.exited, new Promise((resolve) => setTimeout(resolve, 5000))])
        app.exit(0)
        await app.exited
      }
    }
    if (savedTemp === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = savedTemp
    rmSync(root, { recursive: true, force: true })
    // A call the shell made that the harness does not model, or a dialog nobody scripted, fails the test.
    for (const app of launched) {
      expect(app.errors.map(String), 'harness failures').toEqual([])
      expect(app.dialogs.unexpected, 'unscripted dialogs').toEqual([])
    }
  }
})

export { expect }
