import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { migrationFilesPlugin } from './src/main/core/db/migrationFiles.vite.mjs'

export default defineConfig({
  main: {
    plugins: [migrationFilesPlugin()],
    build: {
      // Pure-JavaScript dependencies every start loads, bundled in (as for the command line):
      // zod alone is some 80 files that Node would otherwise find and read one by one.
      externalizeDeps: { exclude: ['zod', 'uuidv7', 'diff'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // Imports and exports run in a worker thread, an import's HTML conversion in another;
          // each loads its file from next to index.js (see core/archive/jobs/threads.ts).
          archiveWorker: resolve(__dirname, 'src/main/core/archive/jobs/archiveWorker.ts'),
          conversionWorker: resolve(__dirname, 'src/main/core/archive/jobs/conversionWorker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload can require nothing but `electron`: bundle every dependency into
      // one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        external: ['electron'],
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/renderer/index.html'),
          // Shown by the desktop app while a large journal is checked or updated before opening.
          opening: resolve(__dirname, 'src/renderer/opening.html')
        }
      }
    },
    plugins: [react()]
  }
})
