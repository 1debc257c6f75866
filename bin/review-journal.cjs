#!/usr/bin/env node
// The command line, bundled (`out/hosts/cli.cjs`, see vite.hosts.config.mts): one Node, no
// TypeScript compiled at run time. A fresh clone, or a checkout whose sources changed since,
// builds the bundle first (about a second).
const { join } = require('node:path')
const { existsSync } = require('node:fs')

// Node 22 and later keep V8's compiled code between runs; Node 20 has no such cache.
require('node:module').enableCompileCache?.()

const builder = join(__dirname, '..', 'scripts', 'build-hosts.cjs')
let dir = join(__dirname, '..', 'out', 'hosts')
if (existsSync(builder)) {
  try {
    dir = require(builder).ensureHostsBuilt()
  } catch (err) {
    process.stderr.write(`review-journal: ${err.message}\n`)
    process.exit(1)
  }
}
require(join(dir, 'cli.cjs'))
