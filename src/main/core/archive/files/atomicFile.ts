import { mkdirSync, readdirSync, existsSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { Readable } from 'node:stream'
import yazl from 'yazl'
import { JournalFailure } from '../../context'

/** Bytes gathered before one write to the file: few system calls, little memory. */
const WRITE_BYTES = 256 * 1024

function cancelled(): JournalFailure {
  return new JournalFailure('CANCELLED', 'The export was cancelled; no file was written.')
}

/**
 * The one way every export writes a file: into a temporary file beside `outPath` (the same
 * folder, so the rename never crosses disks), flushed to the disk with fsync, then renamed over
 * the target. A cancelled or failed export leaves no half file, and a crash just after leaves
 * the whole file, never a truncated one. Returns the bytes written.
 */
export async function writeFileAtomically(
  outPath: string,
  chunks: Iterable<string | Buffer> | AsyncIterable<string | Buffer>,
  signal?: AbortSignal
): Promise<number> {
  const partial = `${outPath}.partial`
  const file = await open(partial, 'w')
  let bytes = 0
  try {
    let pending: Buffer[] = []
    let pendingBytes = 0
    const flush = async () => {
      if (pendingBytes)
        await file.write(pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes))
      pending = []
      pendingBytes = 0
    }
    for await (const chunk of chunks) {
      if (signal?.aborted) throw cancelled()
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
      bytes += buffer.length
      pending.push(buffer)
      pendingBytes += buffer.length
      if (pendingBytes >= WRITE_BYTES) await flush()
    }
    await flush()
    await file.sync()
    await file.close()
    renameSync(partial, outPath)
    return bytes
  } catch (err) {
    await file.close().catch(() => undefined)
    rmSync(partial, { force: true })
    throw err
  }
}

/** A zip written atomically (see `writeFileAtomically`): `fill` adds the entries, read as the zip is written. */
export async function writeZipAtomically(
  outPath: string,
  fill: (zip: yazl.ZipFile) => void,
  signal: AbortSignal
): Promise<number> {
  const zip = new yazl.ZipFile()
  fill(zip)
  zip.end()
  return writeFileAtomically(outPath, zip.outputStream as Readable as AsyncIterable<Buffer>, signal)
}

/**
 * Files written into a new folder at `outPath`, all or none: they go into a folder beside it,
 * renamed into place once every file is there. Each file is not synced on its own (ten thousand
 * fsyncs would cost more than the export); the rename is what makes the folder appear whole.
 * Refuses a target that exists and is not empty.
 */
export async function writeFolderAtomically(
  outPath: string,
  files: Iterable<{ name: string; data: Buffer }>,
  signal: AbortSignal
): Promise<number> {
  if (existsSync(outPath) && readdirSync(outPath).length > 0) {
    throw new JournalFailure(
      'EXPORT_FAILED',
      `${basename(outPath)} already exists and is not empty; choose a new folder name.`
    )
  }
  const partial = `${outPath}.partial`
  rmSync(partial, { recursive: true, force: true })
  mkdirSync(partial, { recursive: true })
  let bytes = 0
  let written = 0
  try {
    for (const file of files) {
      if (signal.aborted)
        throw new JournalFailure('CANCELLED', 'The export was cancelled; no files were written.')
      writeFileSync(join(partial, file.name), file.data)
      bytes += file.data.length
      // Let a cancel message in now and then.
      if (++written % 200 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
    rmSync(outPath, { recursive: true, force: true })
    renameSync(partial, outPath)
  } catch (err) {
    rmSync(partial, { recursive: true, force: true })
    throw err
  }
  return bytes
}
