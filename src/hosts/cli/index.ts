import { runCli } from './main'

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    process.stderr.write(`review-journal: ${(err as Error).message}\n`)
    process.exitCode = 1
  }
)
