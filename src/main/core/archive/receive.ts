import { appendFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { ChosenFile } from '../../../shared/contract/archive'
import { JournalFailure } from '../context'
import { grantFile, safeFileName, temporaryFolder } from './grants'
import { DEFAULT_LIMITS, formatBytes } from './limits'

interface Upload {
  path: string
  folder: string
  name: string
  bytes: number
}

const uploads = new Map<string, Upload>()

/**
 * Writes one piece of a file sent over the channel (hosts without an upload route) to a
 * private temporary file; the last piece grants it for import. Refuses past the import limit.
 */
export function receivePiece(input: { uploadId?: string; name: string; chunk: string; last: boolean }): { uploadId: string; file: ChosenFile | null } {
  let uploadId = input.uploadId
  let upload = uploadId ? uploads.get(uploadId) : undefined
  if (uploadId && !upload) throw new JournalFailure('NOT_FOUND', 'That upload was interrupted; drop the file again.')
  if (!upload) {
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
    uploads.delete(uploadId!)
    rmSync(upload.folder, { recursive: true, force: true })
    throw new JournalFailure('IMPORT_FAILED', `${upload.name} is larger than ${formatBytes(DEFAULT_LIMITS.maxFileBytes)}, the most an import accepts.`)
  }
  appendFileSync(upload.path, piece)
  if (!input.last) return { uploadId: uploadId!, file: null }
  uploads.delete(uploadId!)
  return { uploadId: uploadId!, file: grantFile(upload.path, 'read', { name: upload.name, cleanup: upload.folder }) }
}
