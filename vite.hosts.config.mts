import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { builtinModules } from 'node:module'
import { defineConfig, type Plugin } from 'vite'
import pkg from './package.json' with { type: 'json' }
import { migrationFilesPlugin } from './src/main/core/db/migrationFiles.vite.mjs'

/**
 * The command line, the browser host and the sync server as plain CommonJS for Node 20:
 * `out/hosts/cli.cjs`, `out/hosts/web.cjs` and `out/hosts/sync-server.cjs`. Starting one costs a
 * `require` of one file instead of compiling the TypeScript through tsx (2 s a command before). Dependencies stay in node_modules (better-sqlite3
 * is native; Lexical picks its build from NODE_ENV at run time).
 *
 * The archive worker and the HTML converter are emitted beside them as `archiveWorker.js` and
 * `conversionWorker.js`, where `core/archive/jobs/threads.ts` looks for them, so an import run from the
 * command line starts its threads without tsx even when the desktop app was never built.
 *
 * `sources.json` lists every file of ours the bundle was made from; `scripts/build-hosts.cjs`
 * rebuilds when one of them is newer than the bundle.
 */
const ROOT = fileURLToPath(new URL('.', import.meta.url)).replace(/\/$/, '')
const WORKER_ENTRIES = new Set(['archiveWorker', 'conversionWorker'])
/**
 * Pure-JavaScript dependencies every command loads, bundled in: zod alone is some 80 files that
 * Node would otherwise find and read one by one at each start. The rest stay in node_modules:
 * better-sqlite3 is native, and the archive formats' libraries load only for an import or export.
 */
const BUNDLED = new Set(['zod', 'uuidv7', 'diff'])
const EXTERNAL = Object.keys(pkg.dependencies).filter((name) => !BUNDLED.has(name))

export default defineConfig({
  // No .env files, no public folder: nothing of the project's web side belongs here.
  envDir: false,
  publicDir: false,
  logLevel: 'warn',
  // In a server build Vite leaves every dependency to node_modules unless told otherwise.
  ssr: { noExternal: [...BUNDLED] },
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'out/hosts',
    emptyOutDir: false,
    minify: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: {
        cli: resolve(ROOT, 'src/hosts/cli/index.ts'),
        web: resolve(ROOT, 'src/hosts/web/index.ts'),
        'sync-server': resolve(ROOT, 'src/hosts/sync-server/main.ts'),
        archiveWorker: resolve(ROOT, 'src/main/core/archive/jobs/archiveWorker.ts'),
        conversionWorker: resolve(ROOT, 'src/main/core/archive/jobs/conversionWorker.ts')
      },
      external: [...EXTERNAL.flatMap((name) => [name, new RegExp(`^${name}/`)]), /^node:/, ...builtinModules],
      output: {
        format: 'cjs',
        // threads.ts starts `<entry>.js`; package.json has no "type", so .js is CommonJS too.
        entryFileNames: (chunk) => (WORKER_ENTRIES.has(chunk.name) ? '[name].js' : '[name].cjs'),
        chunkFileNames: 'chunks/[name]-[hash].js'
      }
    }
  },
  plugins: [migrationFilesPlugin(), listSources()]
})

/** Emits `sources.json`: the project files (not dependencies) that went into the bundle. */
function listSources(): Plugin {
  return {
    name: 'review-journal:list-sources',
    generateBundle() {
      const files = [...this.getModuleIds()]
        .filter((id) => id.startsWith(ROOT + '/') && !id.includes('/node_modules/') && !id.includes('\0'))
        .map((id) => id.slice(ROOT.length + 1).split('?')[0])
      this.emitFile({
        type: 'asset',
        fileName: 'sources.json',
        source: JSON.stringify([...new Set(files)].sort(), null, 1)
      })
    }
  }
}
