// `npm run dist`: installers for this platform. Gets better-sqlite3 for Electron's ABI (for each
// target arch) and the spellcheck dictionaries, builds the app, then runs electron-builder.
const { spawnSync } = require('node:child_process')
const { join } = require('node:path')

const root = join(__dirname, '..')
const archs = process.platform === 'darwin' ? ['x64', 'arm64'] : [process.arch]
const builderTarget = { darwin: '--mac', win32: '--win', linux: '--linux' }[process.platform]

const steps = [
  [process.execPath, [join(root, 'scripts', 'electron-sqlite.cjs'), ...archs.flatMap((a) => ['--arch', a])]],
  [process.execPath, [join(root, 'scripts', 'fetch-dictionaries.cjs')]],
  [process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build']],
  [
    process.execPath,
    [
      require.resolve('electron-builder/cli.js'),
      builderTarget,
      '--publish',
      'never',
      ...process.argv.slice(2)
    ]
  ]
]
for (const [command, args] of steps) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
