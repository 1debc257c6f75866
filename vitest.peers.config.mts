import { defineConfig } from 'vitest/config'
import { migrationFilesPlugin } from './src/main/core/db/migrationFiles.vite.mjs'

/**
 * `npm run test:peers`: the importers against other projects' real WordPress and Letterboxd
 * exports, read from ../shared/fixtures/peers when that folder exists. Kept out of `npm test`
 * (its files are *.peer.ts) because a user's clone has no such folder.
 */
export default defineConfig({
  plugins: [migrationFilesPlugin()],
  test: {
    include: ['tests/peers/**/*.peer.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks'
  }
})
