import { defineConfig } from '@playwright/test'
import { resolve } from 'node:path'
import { chromiumLaunchOptions } from './tests/support/browser'

/** End-to-end tests drive the real renderer in Chromium (see tests/support/browser.ts) through the browser host. */
export default defineConfig({
  testDir: 'tests/e2e',
  // Absolute, so configs that extend this one from other folders find it too.
  globalSetup: resolve(__dirname, 'tests/support/announceBrowser.ts'),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  // Two browsers on two cores share the machine with the app's own worker threads, and a timing
  // no test meant can still lose a race now and then. One retry: a test that passes only on its
  // second try is reported as flaky in the list, and one that fails twice fails the run.
  retries: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    trace: 'off'
  }
})
