import { defineConfig } from '@playwright/test'
import { resolve } from 'node:path'
import { chromiumLaunchOptions } from '../support/browser'

/**
 * The desktop app itself, driven through Playwright's Electron support (needs the Electron binary).
 * Any page opened outside the app uses the same Chromium as the other suites.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: resolve(__dirname, '../support/announceBrowser.ts'),
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
  use: { launchOptions: chromiumLaunchOptions() }
})
