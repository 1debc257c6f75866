import { createWriteStream, renameSync, rmSync } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import yazl from 'yazl'
import type { Db } from '../../db/connection'

/**
 * Writes a zip to `outPath` atomically: entries go to a temporary file beside it, renamed over
 * the target only when complete, so a cancelled or failed export leaves no half file behind.
 */
export async function writeZipAtomically(outPath: string, fill: (zip: yazl.ZipFile) => void, signal: AbortSignal): Promise<number> {
  const partial = `${outPath}.partial`
  const zip = new yazl.ZipFile()
  let bytes = 0
  try {
    fill(zip)
    zip.end()
    const out = zip.outputStream as Readable
    out.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      if (signal.aborted) out.destroy(new Error('cancelled'))
    })
    await pipeline(out, createWriteStream(partial))
    renameSync(partial, outPath)
    return bytes
  } catch (err) {
    rmSync(partial, { force: true })
    throw err
  }
}

/** A stream of JSON Lines from a generator of each line's JSON, batched so each chunk holds many rows. */
export function jsonLines(lines: Iterable<string>): Readable {
  return Readable.from(
    (function* () {
      let batch = ''
      let n = 0
      for (const line of lines) {
        batch += line + '\n'
        if (++n % 200 === 0) {
          yield Buffer.from(batch)
          batch = ''
        }
      }
      if (batch) yield Buffer.from(batch)
    })(),
    { objectMode: false }
  )
}

/** Runs `fn` inside one read transaction, so every table is read from the same moment. */
export async function withReadSnapshot<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  db.exec('BEGIN')
  try {
    return await fn()
  } finally {
    db.exec('COMMIT')
  }
}
