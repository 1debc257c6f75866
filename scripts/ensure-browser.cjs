// Runs before the end-to-end suites (`npm run test:e2e`): makes sure a Chromium is there to drive.
// The first one found among CHROMIUM_PATH, the system's Chromium or Chrome and Playwright's own
// (tests/support/browser.ts) is used; when there is none and Playwright's download site answers,
// this installs Playwright's Chromium, so `npm install && npm test` passes on a laptop too.
const { spawnSync } = require('node:child_process')
const { request } = require('node:https')
const { join } = require('node:path')
const tsx = require('tsx/cjs/api')

const root = join(__dirname, '..')
const { findChromium, describeChromium } = tsx.require('../tests/support/browser.ts', __filename)

/** Whether Playwright's browser downloads can be reached within a few seconds. */
function downloadsReachable() {
  return new Promise((resolve) => {
    const req = request('https://cdn.playwright.dev/', { method: 'HEAD', timeout: 5000 }, (res) => {
      res.resume()
      resolve(true)
    })
    req.on('timeout', () => req.destroy())
    req.on('error', () => resolve(false))
    req.end()
  })
}

async function main() {
  let found
  try {
    found = findChromium()
  } catch (error) {
    console.error(error.message)
    return 1
  }
  if (found) return 0
  if (!(await downloadsReachable())) {
    console.error(
      "No Chromium found and Playwright's downloads cannot be reached: install Chromium or set CHROMIUM_PATH."
    )
    return 1
  }
  console.log("No Chromium found on this machine; installing Playwright's (npx playwright install chromium).")
  const cli = require.resolve('@playwright/test/cli')
  const result = spawnSync(process.execPath, [cli, 'install', 'chromium'], { stdio: 'inherit', cwd: root })
  if (result.status !== 0) {
    console.error("Installing Playwright's Chromium failed: install Chromium or set CHROMIUM_PATH.")
    return 1
  }
  console.log(describeChromium(findChromium()))
  return 0
}

main().then((code) => process.exit(code))
