import { defineConfig } from '@playwright/test'
import base from '../../playwright.config'

const args = base.use?.launchOptions?.args ?? []

/** Browser benchmarks: the real renderer in Chromium, one at a time so timings are not shared. */
export default defineConfig({
  ...base,
  // The base config's paths are relative to the project root; this file sits two levels down.
  globalSetup: base.globalSetup ? '../../tests/support/announceBrowser.ts' : undefined,
  testDir: '.',
  testMatch: '*.bench.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 300_000,
  projects: [
    { name: 'chromium' },
    {
      // Typing again with frames produced as soon as they are needed instead of on the 60 Hz
      // tick: keystroke-to-paint then shows what the editor costs without the wait for the
      // display's next frame, which alone is up to 16.7 ms.
      name: 'frames unthrottled',
      testMatch: 'writing.bench.ts',
      use: {
        launchOptions: {
          ...base.use?.launchOptions,
          args: [...args, '--disable-frame-rate-limit', '--disable-gpu-vsync']
        }
      }
    }
  ]
})
