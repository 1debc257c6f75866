import { defineConfig } from 'vitest/config'
import { migrationFilesPlugin } from './src/main/core/db/migrationFiles.vite.mjs'

export default defineConfig({
  plugins: [migrationFilesPlugin()],
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks'
  }
})
