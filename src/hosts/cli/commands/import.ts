import { resolve } from 'node:path'
import type { Command } from './types'
import { call } from '../call'
import { printJson, UsageError } from '../io'
import { grantFile } from '../../../main/core'
import { IMPORT_FORMATS, RECORD_TYPES, type ImportReport } from '../../../shared/contract/archive'

const FORMATS = ['auto', ...IMPORT_FORMATS] as const

export const importCommand: Command = {
  name: 'import',
  usage: `import FILE|FOLDER [--format ${FORMATS.join('|')}] [--dry-run] [--json]`,
  options: { format: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  async run({ positionals, values, json }, core) {
    if (positionals.length !== 1) throw new UsageError('import needs one FILE or FOLDER')
    const format = (values.format as string | undefined) ?? 'auto'
    if (!(FORMATS as readonly string[]).includes(format))
      throw new UsageError(`--format must be one of: ${FORMATS.join(', ')}`)
    const dryRun = Boolean(values['dry-run'])
    const { fileId } = grantFile(resolve(positionals[0]), 'read')
    const report = await call(core, dryRun ? 'archive.preview' : 'archive.import', {
      fileId,
      format: format as (typeof FORMATS)[number]
    })
    if (json) printJson(report)
    else process.stdout.write(describeReport(report))
  }
}

/**
 * The report for people: one line per kind of entity, protected posts, notes on what items left
 * out, then the problems with their positions.
 */
export function describeReport(report: ImportReport): string {
  const lines = [
    `${report.dryRun ? 'Preview (nothing was changed)' : 'Imported'}: ${report.source} as ${report.format}`
  ]
  for (const type of RECORD_TYPES) {
    const c = report.counts[type]
    if (c.created + c.updated + c.skipped === 0) continue
    const reasons = Object.entries(c.reasons)
      .map(([why, n]) => `${why}: ${n}`)
      .join(', ')
    lines.push(
      `  ${type.padEnd(10)} ${c.created} new, ${c.updated} updated, ${c.skipped} skipped${reasons ? ` (${reasons})` : ''}`
    )
  }
  if (lines.length === 1) lines.push('  nothing to import')
  if (report.protectedReviews)
    lines.push(
      `${report.protectedReviews} password-protected post(s), kept as protected reviews with their passwords`
    )
  if (report.noteCount) {
    lines.push(`${report.noteCount} note(s):`)
    for (const n of report.notes) lines.push(`  #${n.position} ${n.what}: ${n.message}`)
    if (report.noteCount > report.notes.length)
      lines.push(`  … and ${report.noteCount - report.notes.length} more`)
  }
  if (report.problemCount) {
    lines.push(`${report.problemCount} problem(s):`)
    for (const p of report.problems) lines.push(`  #${p.position} ${p.what}: ${p.message}`)
    if (report.problemCount > report.problems.length)
      lines.push(`  … and ${report.problemCount - report.problems.length} more`)
  }
  if (report.backupFile) lines.push(`Backup taken first: backups/${report.backupFile}`)
  return lines.join('\n') + '\n'
}
