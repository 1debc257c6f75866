import { readFileSync } from 'node:fs'
import type { Command } from './types'
import { CliFailure, printJson, UsageError } from '../io'

/**
 * `sync --folder PATH [--passphrase-file F]`: one round through a shared folder (capture this
 * journal's changes, send them, receive the other computers', apply them), printing what moved.
 * A wrong passphrase, an unreadable folder or a tampered file ends in one line and exit 1, with
 * the journal unchanged.
 */
export const syncCommand: Command = {
  name: 'sync',
  usage: 'sync --folder PATH [--passphrase-file F] [--json]',
  options: { folder: { type: 'string' }, 'passphrase-file': { type: 'string' } },
  async run({ positionals, values, json }, core) {
    if (positionals.length) throw new UsageError('sync takes no arguments besides its options')
    const folder = values.folder as string | undefined
    if (!folder) throw new UsageError('sync needs --folder PATH')
    const passphrase = readPassphrase(values['passphrase-file'] as string | undefined)
    // Sync loads Yjs, Lexical's binding and the ciphers: only this command pays for them.
    const { syncWithFolder, SyncFailure } = await import('../../../main/core/sync')
    let report
    try {
      report = await syncWithFolder(core.db, { folder, passphrase })
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
    if (report.files.waiting)
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
