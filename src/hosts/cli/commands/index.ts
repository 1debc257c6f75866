import type { Command } from './types'
import { listCommand } from './list'
import { showCommand } from './show'
import { checkCommand } from './check'

/** Every CLI command; add a command by adding its module here. */
export const COMMANDS: Command[] = [listCommand, showCommand, checkCommand]
