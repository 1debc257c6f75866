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
  // Once, for the reason the browser suite gives (playwright.config.ts): a pass on the second try
  // is listed as flaky.
  retries: 1,
  reporter: [['list']]
})
