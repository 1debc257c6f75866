import type { Command } from './types'
import { call } from '../call'
import { printJson, printTable, UsageError } from '../io'

const ACTIONS = ['create', 'list', 'restore'] as const

/** `backup create|list|restore NAME|latest`: the same rolling backups the app keeps. */
export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup create | backup list | backup restore NAME|latest [--json]',
  async run({ positionals, json }, core) {
    const [action, name, ...extra] = positionals
    if (!(ACTIONS as readonly string[]).includes(action) || extra.length > 0) {
      throw new UsageError(`backup needs one of: ${ACTIONS.join(', ')}`)
    }
    if (action === 'create') {
      if (name) throw new UsageError('backup create takes no name')
      const info = await call(core, 'backup.create')
      if (json) printJson(info)
      else process.stdout.write(`Backed up to ${info.name} (${info.bytes} bytes).\n`)
    } else if (action === 'list') {
      if (name) throw new UsageError('backup list takes no name')
      const list = await call(core, 'backup.list')
      if (json) printJson(list)
      else {
        printTable(list.backups as unknown as Record<string, unknown>[], [
          'name',
          'reason',
          'createdAt',
          'bytes'
        ])
        process.stdout.write(`${list.backups.length} of at most ${list.keep} kept in ${list.folder}\n`)
      }
    } else {
      if (!name)
        throw new UsageError('backup restore needs the NAME of a backup (see backup list) or "latest"')
      const chosen = name === 'latest' ? (await call(core, 'backup.list')).backups[0]?.name : name
      if (!chosen) throw new UsageError('There are no backups to restore yet.')
      const result = await call(core, 'backup.restore', { name: chosen })
      if (json) printJson(result)
      else {
        const undo = result.safetyCopy ? ` The journal as it was is in ${result.safetyCopy.name}.` : ''
        process.stdout.write(`Restored ${result.restored.name}.${undo}\n`)
      }
    }
  }
}
