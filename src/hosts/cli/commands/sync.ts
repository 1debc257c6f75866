import { readFileSync } from 'node:fs'
import type { Command } from './types'
import { CliFailure, printJson, UsageError } from '../io'

/**
 * `sync --folder PATH [--passphrase-file F]` or `sync --server ws://HOST:PORT --token T`: one round
 * through a shared folder or a sync server (capture this journal's changes, send them, receive
 * the other computers', apply them), printing what moved. A wrong passphrase or token, an
 * unreadable folder, an unreachable server or a tampered file ends in one line and exit 1, with
 * the journal unchanged.
 */
export const syncCommand: Command = {
  name: 'sync',
  usage: 'sync (--folder PATH [--passphrase-file F] | --server ws://HOST:PORT --token T) [--json]',
  options: {
    folder: { type: 'string' },
    'passphrase-file': { type: 'string' },
    server: { type: 'string' },
    token: { type: 'string' }
  },
  async run({ positionals, values, json }, core) {
    if (positionals.length) throw new UsageError('sync takes no arguments besides its options')
    const folder = values.folder as string | undefined
    const server = values.server as string | undefined
    if (Boolean(folder) === Boolean(server))
      throw new UsageError('sync needs exactly one of --folder PATH and --server ws://HOST:PORT')
    if (server) checkServerOptions(server, values)
    else if (values.token !== undefined) throw new UsageError('--token goes with --server')
    const passphrase = readPassphrase(values['passphrase-file'] as string | undefined)
    // Sync loads Yjs, Lexical's binding and the ciphers: only this command pays for them.
    const { syncWithFolder, syncWithServer, SyncFailure } = await import('../../../main/core/sync')
    let report
    try {
      report = server
        ? await syncWithServer(core.db, { url: server, token: values.token as string })
        : await syncWithFolder(core.db, { folder: folder!, passphrase })
    } catch (err) {
      if (err instanceof SyncFailure) throw new CliFailure(err.message)
      throw err
    }
    if (json) return printJson(report)
    const line = (label: string, counts: Record<string, number | undefined>) => {
      const parts = Object.entries(counts).map(
        ([kind, n]) => `${n} ${n === 1 ? kind.replace(/s$/, '') : kind}`
      )
      process.stdout.write(`${label}: ${parts.length ? parts.join(', ') : 'nothing'}\n`)
    }
    line('Sent', report.sent)
    line('Received', report.received)
    line('Applied', report.applied)
    if (!server && report.files.waiting)
      process.stdout.write(`${report.files.waiting} file(s) still arriving: the next sync reads them.\n`)
  }
}

/** The passphrase is the file's first line (a trailing newline is not part of it). */
function readPassphrase(file: string | undefined): string | null {
  if (file === undefined) return null
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    throw new CliFailure(
      `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`
    )
  }
  const passphrase = text.split(/\r?\n/)[0]
  if (!passphrase) throw new UsageError(`${file} holds no passphrase on its first line`)
  return passphrase
}

function checkServerOptions(server: string, values: Record<string, unknown>): void {
  if (values['passphrase-file'] !== undefined)
    throw new UsageError('--passphrase-file goes with --folder; a server is opened by its --token')
  if (!/^wss?:\/\/[^/\s]+/.test(server))
    throw new UsageError(`--server needs an address like ws://HOST:PORT, not ${server}`)
  if (!values.token)
    throw new UsageError("sync --server needs --token T (the journal's token on that server)")
}
