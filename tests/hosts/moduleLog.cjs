// Preloaded (`node --require`) by cli-bundle.test.ts into the CLI and, through Node's inherited
// options, into each of its worker threads: on exit, appends every module that thread loaded to
// the file $RJ_MODULE_LOG, one `main|worker PATH` a line.
const { appendFileSync } = require('node:fs')
const { isMainThread } = require('node:worker_threads')

process.on('exit', () => {
  const thread = isMainThread ? 'main' : 'worker'
  const lines = Object.keys(require.cache).map((file) => `${thread} ${file}\n`)
  appendFileSync(process.env.RJ_MODULE_LOG, lines.join(''))
})
