import { parseArgs } from 'node:util'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import {
  openCore,
  defaultDataDir,
  releaseTemporaryFiles,
  StorageUnavailableError,
  sweepTemporaryFolders
} from '../../main/core'
import { startWebHost, type WebHost } from './server'
import { version } from '../../../package.json'

/** `npm run web -- [--data-dir DIR] [--port N]`: the journal in a browser, on this machine only. */
async function main(): Promise<number> {
  let values
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        'renderer-dir': { type: 'string' }
      },
      strict: true
    }).values
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\nUsage: npm run web -- [--data-dir DIR] [--port N]\n`)
    return 2
  }
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be a number from 0 to 65535\n`)
    return 2
  }
  const rendererDir = resolve(
    values['renderer-dir'] ?? process.env.RJ_OUT_DIR ?? 'out',
    values['renderer-dir'] ? '' : 'renderer'
  )
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    process.stderr.write(`The app is not built (${rendererDir} has no index.html). Run: npm run web\n`)
    return 1
  }
  const dataDir = values['data-dir'] ?? defaultDataDir()
  // Events from the core go to the host's event streams once the host exists.
  const relay: { host?: WebHost } = {}
  let core
  try {
    core = await openCore({
      dataDir,
      version,
      interactive: true,
      emit: (event, payload) => relay.host?.emit(event, payload)
    })
  } catch (err) {
    process.stderr.write(`${err instanceof StorageUnavailableError ? err.message : (err as Error).message}\n`)
    return 1
  }
  let host: WebHost
  try {
    host = await startWebHost({ dispatch: core.dispatch, rendererDir, port })
  } catch (err) {
    core.close()
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') process.stderr.write(`Port ${port} is in use; choose another with --port\n`)
    else
      process.stderr.write(
        `The browser host could not listen on 127.0.0.1:${port}: ${(err as Error).message}\n`
      )
    return 1
  }
  relay.host = host
  // What a crash or a killed host left in the temporary folder more than a day ago.
  sweepTemporaryFolders()
  process.stdout.write(
    `Review Journal is running. Open ${host.url}\nData: ${dataDir}\nPress Ctrl+C to stop.\n`
  )
  const stop = () => {
    void host.close().then(() => {
      core.close()
      releaseTemporaryFiles()
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  return -1
}

main().then((code) => {
  if (code >= 0) process.exit(code)
})
