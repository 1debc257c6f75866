/*
 * What the archive module does on the disk. In: paths granted to the renderer by opaque id
 * (grants.ts), files arriving in pieces (uploads.ts), zips opened with every entry checked
 * (safeZip.ts), all within the import limits (limits.ts). Out: every export file, written
 * whole or not at all (atomicFile.ts).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { JournalFailure } from '../../context'

/**
 * Files the critic chose, known to the renderer only by an opaque id. The renderer can never
 * name a path itself: a path reaches the core from a native dialog, an upload, a drop, or the
 * command line, and is granted here for one use (read, write, or download).
 */
export type GrantMode = 'read' | 'write' | 'download'

interface Grant {
  path: string
  name: string
  mode: GrantMode
  /** A temporary folder (an upload, a finished export) removed once the file was used. */
  cleanup: string | null
}

const grants = new Map<string, Grant>()

/** Grants access to `path`; returns the id the renderer refers to it by. */
export function grantFile(
  path: string,
  mode: GrantMode,
  options: { name?: string; cleanup?: string } = {}
): { fileId: string; name: string } {
  const fileId = randomBytes(18).toString('base64url')
  const name = options.name ?? basename(path)
  grants.set(fileId, { path, name, mode, cleanup: options.cleanup ?? null })
  return { fileId, name }
}

/** The granted file for `fileId`, or a clear failure when it was never granted for this use. */
export function grantedFile(fileId: string, mode: GrantMode): { path: string; name: string } {
  const grant = grants.get(fileId)
  if (!grant || grant.mode !== mode) {
    throw new JournalFailure('NOT_FOUND', 'That file is no longer available; choose it again.')
  }
  return { path: grant.path, name: grant.name }
}

/** Takes a grant for a single use (a download): no second request can have it. */
export function claimFile(fileId: string, mode: GrantMode): { path: string; name: string; done(): void } {
  const file = grantedFile(fileId, mode)
  const grant = grants.get(fileId)!
  grants.delete(fileId)
  return { ...file, done: () => grant.cleanup && rmSync(grant.cleanup, { recursive: true, force: true }) }
}

/** Forgets a grant, removing its temporary folder when it had one. */
export function releaseFile(fileId: string): void {
  const grant = grants.get(fileId)
  grants.delete(fileId)
  if (grant?.cleanup) rmSync(grant.cleanup, { recursive: true, force: true })
}

const DAY_MS = 24 * 60 * 60 * 1000

/** A fresh private folder (0700) for an upload or an export to be downloaded. */
export function temporaryFolder(purpose: 'upload' | 'export'): string {
  return mkdtempSync(join(tmpdir(), `review-journal-${purpose}-`))
}

/** Forgets every grant and removes every temporary folder they held: the host is closing. */
export function releaseAllFiles(): void {
  for (const fileId of [...grants.keys()]) releaseFile(fileId)
}

/**
 * Removes temporary folders of ours older than `maxAgeMs` (a day by default): what a crash or a
 * killed process left behind. Runs at start, when no folder of that age can still be in use.
 * Returns how many were removed.
 */
export function sweepTemporaryFolders(maxAgeMs = DAY_MS, now = Date.now(), root = tmpdir()): number {
  let removed = 0
  for (const name of readdirSync(root)) {
    if (!/^review-journal-(upload|export)-/.test(name)) continue
    const path = join(root, name)
    try {
      const stats = statSync(path)
      if (!stats.isDirectory() || now - stats.mtimeMs < maxAgeMs) continue
      rmSync(path, { recursive: true, force: true })
      removed++
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed
}

/** A file name safe to create in our own folder, from whatever name a browser sent. */
export function safeFileName(name: string, fallback: string): string {
  const cleaned = basename(name.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f<>:"|?*]/g, '')
    .trim()
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned.slice(0, 200) : fallback
}
