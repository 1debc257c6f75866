import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'Review Journal'

/**
 * The folder the desktop app keeps its journal in (Electron's `userData` for this product name),
 * computed without Electron so the CLI and the browser host open the same journal by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.REVIEW_JOURNAL_DATA_DIR) return env.REVIEW_JOURNAL_DATA_DIR
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME)
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME)
}
