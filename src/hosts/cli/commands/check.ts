import type { Command } from './types'
import { call } from '../call'
import { CliFailure, printJson } from '../io'

export const checkCommand: Command = {
  name: 'check',
  usage: 'check [--json]',
  async run({ json }, core) {
    const report = await call(core, 'app.check')
    if (json) printJson(report)
    else {
      const counts = Object.entries(report.counts)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')
      process.stdout.write(report.ok ? `Journal is healthy: ${counts}.\n` : report.problems.join('\n') + '\n')
    }
    if (!report.ok) throw new CliFailure(`The journal has ${report.problems.length} problem(s).`)
  }
}
