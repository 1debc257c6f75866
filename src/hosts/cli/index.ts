import { runCli } from './main'

// A reader that stops early (`review-journal list reviews --json | head`) closes the pipe. That
// ends the output, not the command: an import still finishes, and no stack trace is printed.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err
})

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    process.stderr.write(`review-journal: ${(err as Error).message}\n`)
    process.exitCode = 1
  }
)
