import { initialSchema } from './001-initial-schema'

export interface Migration {
  id: number
  name: string
  sql: string
}

/**
 * Append-only: never edit or reorder a migration that has shipped; add the next number.
 * A journal whose applied list is not a prefix of this list refuses to open.
 */
export const MIGRATIONS: Migration[] = [{ id: 1, name: 'initial-schema', sql: initialSchema }]
