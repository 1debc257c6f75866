#!/usr/bin/env node
// The sync server (`npm run sync-server -- --port N --data DIR --token T`), bundled beside the
// command line (`out/hosts/sync-server.cjs`, see vite.hosts.config.mts): a fresh clone, or a
// checkout whose sources changed since, builds the bundle first.
const { join } = require('node:path')
const { existsSync } = require('node:fs')

const builder = join(__dirname, '..', 'scripts', 'build-hosts.cjs')
let dir = join(__dirname, '..', 'out', 'hosts')
if (existsSync(builder)) {
  try {
    const hosts = require(builder)
    dir = hosts.ensureHostsBuilt()
    // A bundle made before the server was one of its entries is current but lacks it.
    if (!existsSync(join(dir, 'sync-server.cjs'))) hosts.buildHosts(dir)
  } catch (err) {
    process.stderr.write(`sync-server: ${err.message}\n`)
    process.exit(1)
  }
}
require(join(dir, 'sync-server.cjs'))
