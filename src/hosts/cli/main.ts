import { parseArgs, type ParseArgsConfig } from 'node:util'
import { openCore, defaultDataDir, StorageUnavailableError } from '../../main/core'
import { COMMANDS } from './commands'
import { CliFailure, EXIT, UsageError } from './io'
import { version } from '../../../package.json'

const GLOBAL_OPTIONS: ParseArgsConfig['options'] = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false }
}

export function usage(): string {
  return [
    'Usage: review-journal [--data-dir DIR] <command> [--json]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.usage}`),
    '',
    'The data folder is --data-dir, else REVIEW_JOURNAL_DATA_DIR, else the desktop app’s folder.'
  ].join('\n')
}

/** Runs the CLI and returns its exit code; never throws. */
export async function runCli(argv: string[]): Promise<number> {
  let parsed
  try {
    const options = Object.assign({}, GLOBAL_OPTIONS, ...COMMANDS.map((c) => c.options ?? {}))
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true })
  } catch (err) {
    process.stderr.write(`review-journal: ${(err as Error).message}\n${usage()}\n`)
    return EXIT.usage
  }
  const positionals = parsed.positionals
  const values = parsed.values as Record<string, string | boolean | undefined>
  if (values.help || positionals.length === 0) {
    ;(values.help ? process.stdout : process.stderr).write(usage() + '\n')
    return values.help ? EXIT.ok : EXIT.usage
  }
  const [name, ...rest] = positionals
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) {
    process.stderr.write(`review-journal: unknown command "${name}"\n${usage()}\n`)
    return EXIT.usage
  }
  const dataDir = (values['data-dir'] as string | undefined) ?? defaultDataDir()
  let core
  try {
    core = await openCore({ dataDir, version })
  } catch (err) {
    const message = err instanceof StorageUnavailableError ? err.message : (err as Error).message
    process.stderr.write(`review-journal: ${message}\n`)
    return EXIT.failure
  }
  try {
    await command.run({ positionals: rest, values, json: Boolean(values.json) }, core)
    return EXIT.ok
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`review-journal: ${err.message}\nUsage: review-journal ${command.usage}\n`)
      return EXIT.usage
    }
    const message = err instanceof CliFailure ? err.message : `unexpected error: ${(err as Error).message}`
    process.stderr.write(`review-journal: ${message}\n`)
    return EXIT.failure
  } finally {
    core.close()
  }
}
