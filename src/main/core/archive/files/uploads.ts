import { appendFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { ChosenFile } from '../../../../shared/contract/archive'
import { JournalFailure } from '../../context'
import { grantFile, safeFileName, temporaryFolder } from './grants'
import { DEFAULT_LIMITS, formatBytes } from './limits'

interface Upload {
  path: string
  folder: string
  name: string
  bytes: number
}

const uploads = new Map<string, Upload>()

/** Files that may be arriving at once: a person drops one or two; more is a runaway page. */
export const MAX_UPLOADS_AT_ONCE = 4

/**
 * Writes one piece of a file sent over the channel (hosts without an upload route) to a
 * private temporary file; the last piece grants it for import. Refuses past the import limit.
 */
export function receivePiece(input: { uploadId?: string; name: string; chunk: string; last: boolean }): {
  uploadId: string
  file: ChosenFile | null
} {
  let uploadId = input.uploadId
  let upload = uploadId ? uploads.get(uploadId) : undefined
  if (uploadId && !upload)
    throw new JournalFailure('NOT_FOUND', 'That upload was interrupted; drop the file again.')
  if (!upload) {
    if (uploads.size >= MAX_UPLOADS_AT_ONCE) {
      throw new JournalFailure(
        'IMPORT_FAILED',
        `${MAX_UPLOADS_AT_ONCE} files are already arriving; wait for them, then drop this one again.`
      )
    }
    uploadId = randomBytes(18).toString('base64url')
    const folder = temporaryFolder('upload')
    const name = safeFileName(input.name, 'upload')
    upload = { folder, name, path: join(folder, name), bytes: 0 }
    writeFileSync(upload.path, '')
    uploads.set(uploadId, upload)
  }
  const piece = Buffer.from(input.chunk, 'base64')
  upload.bytes += piece.length
  if (upload.bytes > DEFAULT_LIMITS.maxFileBytes) {
    abandon(uploadId!)
    throw new JournalFailure(
      'IMPORT_FAILED',
      `${upload.name} is larger than ${formatBytes(DEFAULT_LIMITS.maxFileBytes)}, the most an import accepts.`
    )
  }
  // All arriving files together stay within one import's limit, so the temporary folder is bounded.
  if (arrivingBytes() > DEFAULT_LIMITS.maxFileBytes) {
    abandon(uploadId!)
    throw new JournalFailure(
      'IMPORT_FAILED',
      `The files arriving together are larger than ${formatBytes(DEFAULT_LIMITS.maxFileBytes)}; send them one at a time.`
    )
  }
  appendFileSync(upload.path, piece)
  if (!input.last) return { uploadId: uploadId!, file: null }
  uploads.delete(uploadId!)
  return {
    uploadId: uploadId!,
    file: grantFile(upload.path, 'read', { name: upload.name, cleanup: upload.folder })
  }
}

function arrivingBytes(): number {
  let total = 0
  for (const upload of uploads.values()) total += upload.bytes
  return total
}

function abandon(uploadId: string): void {
  const upload = uploads.get(uploadId)
  uploads.delete(uploadId)
  if (upload) rmSync(upload.folder, { recursive: true, force: true })
}

/** Drops every file still arriving, with its temporary folder: the host is closing. */
export function abandonAllUploads(): void {
  for (const uploadId of [...uploads.keys()]) abandon(uploadId)
}
