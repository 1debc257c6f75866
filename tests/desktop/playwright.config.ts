import { defineConfig } from '@playwright/test'

/**
 * The desktop app end to end: the built shell (out/main, out/preload, out/renderer) run under
 * Node with the `electron` stand-in in tests/desktop/harness, its windows drawn in Chromium.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: '../support/announceBrowser.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  // Two browsers on two cores share the machine with the app's own worker threads, and a timing
  // no test meant can still lose a race now and then. One retry: a test that passes only on its
  // second try is reported as flaky in the list, and one that fails twice fails the run.
  retries: 1,
  reporter: [['list']]
})
