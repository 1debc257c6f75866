import { defineConfig } from '@playwright/test'
import base from '../../playwright.config'

/** Browser benchmarks: the real renderer in Chromium, one at a time so timings are not shared. */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.bench.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 300_000
})
