import { parseArgs } from 'node:util'
import { startSyncServer, SyncServerFailure } from './server'

/**
 * `npm run sync-server -- --port N --data DIR --token T [--token T2 …] [--redis redis://HOST:PORT]`:
 * runs until stopped (Ctrl-C, SIGTERM), storing what it holds before it exits. Bad arguments and
 * a taken port end in one line and exit 1.
 */
const USAGE =
  'usage: npm run sync-server -- --port N --data DIR --token T [--token T2 ...] [--redis redis://HOST:PORT] [--host ADDRESS]'

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2))
  const server = await startSyncServer(options)
  const journals = options.tokens.length
  process.stdout.write(
    `Sync server listening on port ${server.port} for ${journals} journal${journals === 1 ? '' : 's'}` +
      `${options.redis ? `, sharing ${options.redis}` : ''}\n`
  )
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    server.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`sync-server: ${(err as Error).message}\n`)
        process.exit(1)
      }
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

function parseOptions(args: string[]) {
  if (!args.length || args.includes('--help')) throw new SyncServerFailure(USAGE)
  let values
  try {
    ;({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        token: { type: 'string', multiple: true },
        redis: { type: 'string' },
        host: { type: 'string' }
      }
    }))
  } catch (err) {
    throw new SyncServerFailure((err as Error).message)
  }
  const port = Number(values.port)
  if (values.port === undefined || !/^\d+$/.test(values.port) || port > 65535)
    throw new SyncServerFailure(`--port needs a number from 0 to 65535`)
  if (!values.data) throw new SyncServerFailure(`--data DIR is required`)
  const tokens = values.token ?? []
  if (!tokens.length) throw new SyncServerFailure(`at least one --token is required`)
  if (tokens.some((token) => token.length < 8))
    throw new SyncServerFailure('a --token must be at least 8 characters long')
  return { port, dataDir: values.data, tokens, redis: values.redis, host: values.host }
}

main().catch((err: unknown) => {
  const message = err instanceof SyncServerFailure ? err.message : String((err as Error)?.stack ?? err)
  process.stderr.write(`sync-server: ${message}\n`)
  process.exit(1)
})
