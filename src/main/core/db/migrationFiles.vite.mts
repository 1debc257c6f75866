import type { Plugin } from 'vite'

/**
 * Lists the migration files at build time for every Vite build and for vitest: replaces
 * `db/migrationFiles.ts` (which reads the folder at run time) with Vite's `import.meta.glob`
 * of the same folder, so a new `migrations/NNN-name.ts` is bundled without being named
 * anywhere. (A host bundle made before a file was added counts as stale because the folder
 * changed: see `staleReason` in scripts/build-hosts.cjs.)
 */
export function migrationFilesPlugin(): Plugin {
  return {
    name: 'review-journal:migration-files',
    enforce: 'pre',
    transform(_code, id) {
      if (!id.replace(/\\/g, '/').endsWith('/src/main/core/db/migrationFiles.ts')) return null
      return {
        code: `export function migrationFiles() {
  const found = import.meta.glob(['./migrations/*.ts', '!./migrations/index.ts'], { eager: true })
  return Object.fromEntries(Object.entries(found).map(([path, exports]) => [path.slice('./migrations/'.length), exports]))
}
`,
        map: null
      }
    }
  }
}
