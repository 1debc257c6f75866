import { mkdirSync, writeFileSync } from 'node:fs'

/**
 * A journal holds unpublished writing and readers' email addresses, so what the core creates on
 * disk is readable by its owner only. SQLite gives a database's WAL and shared-memory files the
 * permissions of the database file itself, so creating that file 0600 covers all three.
 * Windows ignores these bits; its per-user folders are private by their ACLs.
 */
export const PRIVATE_FOLDER_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

/** Creates `dir` (and any missing parents) owner-only; an existing folder is left as it is. */
export function makePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE })
}

/**
 * Creates `file` empty and owner-only unless it exists, so SQLite (which would create it 0644)
 * opens a file whose permissions are already right. An empty file is an empty database.
 */
export function createPrivateFile(file: string): void {
  try {
    writeFileSync(file, '', { mode: PRIVATE_FILE_MODE, flag: 'wx' })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
  }
}
