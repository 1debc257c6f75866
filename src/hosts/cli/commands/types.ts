import type { ParseArgsConfig } from 'node:util'
import type { Core } from '../../../main/core'

export interface CommandArgs {
  positionals: string[]
  values: Record<string, string | boolean | undefined>
  json: boolean
}

/** One CLI command: its usage line, its own options, and what it does with the open core. */
export interface Command {
  name: string
  usage: string
  options?: ParseArgsConfig['options']
  /** Commands that need no journal (none yet) could skip opening it. */
  run(args: CommandArgs, core: Core): Promise<void>
}
