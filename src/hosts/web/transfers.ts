import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  claimFile,
  DEFAULT_LIMITS,
  formatBytes,
  grantFile,
  JournalFailure,
  MAX_UPLOADS_AT_ONCE,
  safeFileName,
  temporaryFolder
} from '../../main/core'

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

/** Uploads streaming in right now, counted so a runaway page cannot fill the temporary folder. */
const arriving = { count: 0, bytes: 0 }

/**
 * `POST /api/upload?name=FILE`: streams the request body to a private temporary file (never
 * held in memory), refusing more than the import size limit, and answers with the file's id
 * for `archive.preview` / `archive.import`.
 */
export async function receiveUpload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const name = safeFileName(url.searchParams.get('name') ?? '', 'upload')
  const declared = Number(req.headers['content-length'] ?? 0)
  const limit = DEFAULT_LIMITS.maxFileBytes
  const tooLarge = {
    ok: false,
    error: {
      code: 'IMPORT_FAILED',
      message: `${name} is larger than ${formatBytes(limit)}, the most an import accepts.`
    }
  }
  if (declared > limit) return answer(res, 413, tooLarge)
  if (arriving.count >= MAX_UPLOADS_AT_ONCE) {
    return answer(res, 429, {
      ok: false,
      error: {
        code: 'IMPORT_FAILED',
        message: `${MAX_UPLOADS_AT_ONCE} files are already arriving; wait for them, then drop this one again.`
      }
    })
  }
  const folder = temporaryFolder('upload')
  const path = join(folder, name)
  let size = 0
  arriving.count++
  try {
    await pipeline(
      req,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          size += chunk.length
          arriving.bytes += chunk.length
          // One file, and all files arriving together, stay within one import's limit.
          if (size > limit || arriving.bytes > limit)
            throw new JournalFailure('IMPORT_FAILED', tooLarge.error.message)
          yield chunk
        }
      },
      createWriteStream(path)
    )
  } catch (err) {
    rmSync(folder, { recursive: true, force: true })
    if (err instanceof JournalFailure) return answer(res, 413, tooLarge)
    return answer(res, 400, {
      ok: false,
      error: { code: 'IMPORT_FAILED', message: 'The upload did not complete; try again.' }
    })
  } finally {
    arriving.count--
    arriving.bytes -= size
  }
  answer(res, 200, { ok: true, value: grantFile(path, 'read', { name, cleanup: folder }) })
}

/** `GET /api/download/ID`: sends a finished export once as an attachment, then removes it. */
export async function sendDownload(res: ServerResponse, url: URL): Promise<void> {
  const id = decodeURIComponent(url.pathname.slice('/api/download/'.length))
  let file
  try {
    file = claimFile(id, 'download')
  } catch {
    return answer(res, 404, {
      ok: false,
      error: { code: 'NOT_FOUND', message: 'That export is no longer available; export again.' }
    })
  }
  const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': String(statSync(file.path).size),
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff'
  })
  try {
    await pipeline(createReadStream(file.path), res)
  } finally {
    file.done()
  }
}
