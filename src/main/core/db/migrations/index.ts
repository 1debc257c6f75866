import { migrationFiles, type MigrationFiles } from '../migrationFiles'

export interface Migration {
  id: number
  name: string
  sql: string
}

/**
 * Numbers no migration ever had (the work meant for them shipped under later numbers). Every
 * other number up to the newest must have its file, and these can never get one: a journal at
 * 003 or later would then hold a list that is no longer a prefix, and refuse to open.
 */
const NEVER_USED = new Set([2, 5])

const FILE_NAME = /^(\d{3})-([a-z0-9]+(?:-[a-z0-9]+)*)\.ts$/

/**
 * Every migration, in order, made from the files beside this one: `NNN-name.ts` gives the id
 * and the name, and exports its SQL as the camel-cased name (`010-change-log.ts` → `changeLog`).
 * Adding a migration is adding the next file. Append-only: never edit, rename or remove a file
 * that has shipped. A journal whose applied list is not a prefix of this list refuses to open.
 */
export const MIGRATIONS: Migration[] = listMigrations(migrationFiles())

/**
 * The files as migrations sorted by id; throws on a misnamed file, a missing export, two files
 * with one number, or a number skipped (other than those never used), so a slip stops the app
 * at its first start on the developer's machine instead of reaching a journal.
 */
export function listMigrations(
  files: MigrationFiles,
  neverUsed: ReadonlySet<number> = NEVER_USED
): Migration[] {
  const byId = new Map<number, { file: string; migration: Migration }>()
  for (const [file, exports] of Object.entries(files)) {
    const match = FILE_NAME.exec(file)
    if (!match || Number(match[1]) < 1) {
      throw new Error(
        `Migration ${file} is not named NNN-name.ts (a number from 001, then lower-case words joined by dashes).`
      )
    }
    const [id, name] = [Number(match[1]), match[2]]
    const exportName = name.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())
    const sql = exports[exportName]
    if (typeof sql !== 'string')
      throw new Error(`Migration ${file} must export its SQL as a string named ${exportName}.`)
    const taken = byId.get(id)
    if (taken) throw new Error(`Migrations ${taken.file} and ${file} have the same number.`)
    if (neverUsed.has(id))
      throw new Error(`Migration ${file} takes a number that was skipped: journals already hold later ones.`)
    byId.set(id, { file, migration: { id, name, sql } })
  }
  const migrations = [...byId.values()].map((entry) => entry.migration).sort((a, b) => a.id - b.id)
  const newest = migrations.at(-1)?.id ?? 0
  for (let id = 1; id < newest; id++) {
    if (!byId.has(id) && !neverUsed.has(id))
      throw new Error(`Migration ${String(id).padStart(3, '0')} is missing: no file has that number.`)
  }
  return migrations
}
