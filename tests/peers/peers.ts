import { resolve } from 'node:path'

/**
 * Other projects' real exports, kept beside the repository (`../shared/fixtures/peers`) on the
 * project's machines only. Never copied into the repository; a clone without them skips.
 */
export const PEERS = resolve(__dirname, '../../../shared/fixtures/peers')
