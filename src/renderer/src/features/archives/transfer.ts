import { RECEIVE_CHUNK_BYTES, type ChosenFile } from '../../../../shared/contract/archive'
import { journal, JournalCallError, unwrap } from '../../bridge'

/** True in the browser host, where the journal is reached over HTTP (no preload bridge). */
export function isBrowserHost(): boolean {
  return (window as { journal?: unknown }).journal === undefined
}

function token(): string {
  return sessionStorage.getItem('journal-token') ?? ''
}

/**
 * Hands a file the critic picked or dropped to the core: streamed to the browser host's upload
 * route, or sent in pieces over the bridge where there is none (the desktop app).
 */
export async function sendFile(file: File, onProgress: (sent: number) => void): Promise<ChosenFile> {
  if (isBrowserHost()) {
    const response = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'x-journal-token': token(), 'content-type': 'application/octet-stream' },
      body: file
    })
    const result = (await response.json()) as
      | { ok: true; value: ChosenFile }
      | { ok: false; error: { code: string; message: string } }
    if (!result.ok) throw new JournalCallError(result.error.code, result.error.message)
    onProgress(file.size)
    return result.value
  }
  let uploadId: string | undefined
  for (let offset = 0; ; offset += RECEIVE_CHUNK_BYTES) {
    const piece = new Uint8Array(await file.slice(offset, offset + RECEIVE_CHUNK_BYTES).arrayBuffer())
    const last = offset + RECEIVE_CHUNK_BYTES >= file.size
    const answer = await unwrap(
      journal['archive.receive']({ uploadId, name: file.name, chunk: toBase64(piece), last })
    )
    uploadId = answer.uploadId
    onProgress(Math.min(file.size, offset + piece.length))
    if (last) {
      if (!answer.file) throw new JournalCallError('INTERNAL', 'The file did not arrive; try again.')
      return answer.file
    }
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** Starts the browser's download of a finished export. */
export function startDownload(downloadId: string, name: string): void {
  const link = document.createElement('a')
  link.href = `/api/download/${encodeURIComponent(downloadId)}?token=${encodeURIComponent(token())}`
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
}
