import { defineConfig } from '@playwright/test'

/** The desktop app itself, driven through Playwright's Electron support (needs the Electron binary). */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']]
})
