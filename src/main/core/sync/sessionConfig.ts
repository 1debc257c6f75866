import { statSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { cachedStatement, type Db } from '../db/connection'
import { JournalFailure } from '../context'
import { inTransaction } from '../stores/write'
import type { SyncRoundReport, SyncTargetInput, SyncTargetShown } from '../../../shared/contract/sync'

/**
 * Where this computer syncs to, and what its last round did, kept in `sync_meta`: the journal's
 * local-only table, which sync never sends (another computer has its own folder path, its own
 * token, its own results).
 *
 * The passphrase is kept there too, so automatic sync can run after a restart without asking.
 * That adds little risk: the journal file (and each backup of it) is unencrypted on this
 * computer, so whoever can read the passphrase can read every review already. What the passphrase guards is the shared
 * folder, which a cloud service keeps; it is never written there, nor sent anywhere.
 */
export type SyncTarget =
  | { kind: 'folder'; folder: string; passphrase: string | null }
  | { kind: 'server'; url: string; token: string }

const TARGET = 'target'
const AUTOMATIC = 'automatic'
const LAST_SYNC = 'last_sync'
const LAST_ERROR = 'last_error'

export interface SyncConfig {
  target: SyncTarget | null
  automatic: boolean
}

export interface RoundOutcome {
  lastSync: { at: string; report: SyncRoundReport } | null
  lastError: { code: string; message: string; at: string } | null
}

function readMetaValue(db: Db, key: string): string | undefined {
  return cachedStatement(db, 'SELECT value FROM sync_meta WHERE key = ?').pluck().get(key) as
    | string
    | undefined
}

function writeMetaValue(db: Db, key: string, value: string | null): void {
  if (value === null) cachedStatement(db, 'DELETE FROM sync_meta WHERE key = ?').run(key)
  else
    cachedStatement(
      db,
      'INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
    ).run(key, value)
}

function readJson<T>(db: Db, key: string): T | null {
  const text = readMetaValue(db, key)
  if (text === undefined) return null
  try {
    return JSON.parse(text) as T
  } catch {
    return null
  }
}

export function readSyncConfig(db: Db): SyncConfig {
  const target = readJson<SyncTarget>(db, TARGET)
  // Automatic sync is on unless the critic turned it off.
  return { target, automatic: readMetaValue(db, AUTOMATIC) !== '0' }
}

/** The target as the UI may see it: whether a passphrase is set, never the passphrase itself. */
export function shownTarget(target: SyncTarget | null): SyncTargetShown | null {
  if (!target) return null
  return target.kind === 'folder'
    ? { kind: 'folder', folder: target.folder, encrypted: target.passphrase !== null }
    : { kind: 'server', url: target.url }
}

/**
 * Checks and keeps a new target. A folder must exist and be given by its full path (the browser
 * host's typed path has no current folder a person could know). A passphrase left out keeps the
 * one already kept for the same folder; null means none. A new target starts with no results.
 */
export function saveSyncTarget(db: Db, input: SyncTargetInput): SyncTarget {
  const before = readSyncConfig(db).target
  let target: SyncTarget
  if (input.kind === 'folder') {
    const folder = checkedFolder(input.folder)
    const kept = before?.kind === 'folder' && before.folder === folder ? before.passphrase : null
    target = { kind: 'folder', folder, passphrase: input.passphrase === undefined ? kept : input.passphrase }
  } else {
    target = { kind: 'server', url: input.url, token: input.token }
  }
  inTransaction(db, () => {
    writeMetaValue(db, TARGET, JSON.stringify(target))
    if (!sameTarget(before, target)) {
      writeMetaValue(db, LAST_SYNC, null)
      writeMetaValue(db, LAST_ERROR, null)
    }
  })
  return target
}

function sameTarget(a: SyncTarget | null, b: SyncTarget): boolean {
  if (!a || a.kind !== b.kind) return false
  return a.kind === 'folder' ? a.folder === (b as typeof a).folder : a.url === (b as typeof a).url
}

function checkedFolder(path: string): string {
  const refuse = (message: string) =>
    new JournalFailure('INVALID_INPUT', message, { 'target.folder': message })
  if (!isAbsolute(path)) throw refuse('Give the folder’s full path, starting from the top of the disk.')
  const folder = resolve(path)
  let isFolder = false
  try {
    isFolder = statSync(folder).isDirectory()
  } catch {
    throw refuse(`There is no folder at ${folder}.`)
  }
  if (!isFolder) throw refuse(`${folder} is a file, not a folder.`)
  return folder
}

export function saveAutomatic(db: Db, automatic: boolean): void {
  writeMetaValue(db, AUTOMATIC, automatic ? '1' : '0')
}

/** Stops syncing here: the target and its secret go, with the last results. The sync state stays. */
export function forgetSyncTarget(db: Db): void {
  inTransaction(db, () => {
    for (const key of [TARGET, AUTOMATIC, LAST_SYNC, LAST_ERROR]) writeMetaValue(db, key, null)
  })
}

export function readRoundOutcome(db: Db): RoundOutcome {
  return { lastSync: readJson(db, LAST_SYNC), lastError: readJson(db, LAST_ERROR) }
}

/** A good round clears the last error. */
export function recordRoundSuccess(db: Db, report: SyncRoundReport, at = new Date()): void {
  const { captured, sent, received, applied } = report
  inTransaction(db, () => {
    writeMetaValue(
      db,
      LAST_SYNC,
      JSON.stringify({ at: at.toISOString(), report: { captured, sent, received, applied } })
    )
    writeMetaValue(db, LAST_ERROR, null)
  })
}

export function recordRoundFailure(db: Db, code: string, message: string, at = new Date()): void {
  writeMetaValue(db, LAST_ERROR, JSON.stringify({ code, message, at: at.toISOString() }))
}
