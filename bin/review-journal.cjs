#!/usr/bin/env node
// Runs the CLI from source through tsx, so it works on a fresh clone right after `npm install`.
const { spawnSync } = require('node:child_process')
const { join } = require('node:path')

const root = join(__dirname, '..')
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', join(root, 'src/hosts/cli/index.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: process.cwd() }
)
process.exit(result.status ?? 1)
