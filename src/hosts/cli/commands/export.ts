import { resolve } from 'node:path'
import type { Command } from './types'
import { call } from '../call'
import { printJson, UsageError } from '../io'
import { grantFile } from '../../../main/core'
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/contract/archive'

export const exportCommand: Command = {
  name: 'export',
  usage: `export --format ${EXPORT_FORMATS.join('|')} --out PATH [--json]`,
  options: { format: { type: 'string' }, out: { type: 'string' } },
  async run({ positionals, values, json }, core) {
    const format = values.format as string | undefined
    const out = values.out as string | undefined
    if (positionals.length > 0) throw new UsageError('export takes no positional arguments')
    if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format))
      throw new UsageError(`--format must be one of: ${EXPORT_FORMATS.join(', ')}`)
    if (!out) throw new UsageError('export needs --out PATH')
    const { fileId } = grantFile(resolve(out), 'write')
    const { downloadId: _none, ...summary } = await call(core, 'archive.export', {
      format: format as ExportFormat,
      fileId
    })
    if (json) printJson(summary)
    else
      process.stdout.write(
        `Exported ${
          Object.entries(summary.counts)
            .map(([k, n]) => `${n} ${k}${n === 1 ? '' : 's'}`)
            .join(', ') || 'nothing'
        } to ${resolve(out)} (${summary.files} file${summary.files === 1 ? '' : 's'}, ${summary.bytes} bytes)\n`
      )
  }
}
