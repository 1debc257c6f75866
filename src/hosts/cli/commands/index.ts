import type { Command } from './types'
import { listCommand } from './list'
import { showCommand } from './show'
import { checkCommand } from './check'
import { backupCommand } from './backup'
import { searchCommand } from './search'
import { importCommand } from './import'
import { exportCommand } from './export'
import { reviewCommand } from './review'
import { syncCommand } from './sync'

/** Every CLI command; add a command by adding its module here. */
export const COMMANDS: Command[] = [
  listCommand,
  showCommand,
  checkCommand,
  backupCommand,
  searchCommand,
  importCommand,
  exportCommand,
  reviewCommand,
  syncCommand
]
