// `npm run test:electron`: the Playwright smoke suite against the real desktop app. Where the
// Electron binary is missing (it downloads on first use), says so in one line and passes.
const { existsSync, readFileSync } = require('node:fs')
const { join } = require('node:path')
const { spawnSync } = require('node:child_process')

const root = join(__dirname, '..')
const pathFile = join(root, 'node_modules', 'electron', 'path.txt')
const binary = existsSync(pathFile)
  ? join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim())
  : null
if (!binary || !existsSync(binary)) {
  console.log(
    'Electron smoke suite skipped: the Electron binary is not installed here (it downloads on first use, which needs internet).'
  )
  process.exit(0)
}
const steps = [
  [process.execPath, [join(root, 'scripts', 'electron-sqlite.cjs')]],
  [process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build']],
  [
    process.execPath,
    [
      require.resolve('@playwright/test/cli'),
      'test',
      '-c',
      'tests/electron/playwright.config.ts',
      ...process.argv.slice(2)
    ]
  ]
]
for (const [command, args] of steps) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
