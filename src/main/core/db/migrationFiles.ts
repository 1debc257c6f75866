import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

/** Each migration file's exports, by its file name (`001-initial-schema.ts`). */
export type MigrationFiles = Record<string, Record<string, unknown>>

/**
 * Every file in `migrations/` but its index. This body reads the folder, which is what works
 * where TypeScript runs from source through a require hook (Playwright's, tsx) — those cannot
 * take Vite's `import.meta.glob`, nor even load a file that mentions it. Every Vite build and
 * vitest replace this module with the same list made at build time (`migrationFilesPlugin` in
 * migrationFiles.vite.mts), because a bundle has no folder of migrations to read.
 */
export function migrationFiles(): MigrationFiles {
  const require = createRequire(__filename)
  if (!__filename.endsWith('.ts') || !require.extensions['.ts']) {
    throw new Error(
      'The migrations cannot be listed here: a Vite build needs migrationFilesPlugin() in its config, and source run under Node needs a TypeScript require hook.'
    )
  }
  const folder = join(__dirname, 'migrations')
  const files: MigrationFiles = {}
  for (const name of readdirSync(folder).sort()) {
    if (name.endsWith('.ts') && name !== 'index.ts')
      files[name] = require(join(folder, name)) as Record<string, unknown>
  }
  return files
}
