import { _electron as electron, type ElectronApplication } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const root = resolve(__dirname, '../..')

/** The Electron binary's path, without require('electron') (which would try to download it). */
export function electronBinary(): string | null {
  const dir = join(root, 'node_modules', 'electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

export const SKIP_REASON =
  'The Electron binary is not installed here (it downloads on first use, which needs internet); this suite runs where it is.'

/** Launches the built app on its own data folder, as a critic's double-click would. */
export async function launchApp(dataDir: string): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: electronBinary()!,
    // The package folder, as `npm start` does: main is out/main/index.js, the app path is the root.
    args: [root],
    cwd: root,
    env: { ...process.env, REVIEW_JOURNAL_DATA_DIR: dataDir, ELECTRON_ENABLE_LOGGING: '1' }
  })
}
