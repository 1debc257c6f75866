import yauzl from 'yauzl'
import { Transform, type Readable } from 'node:stream'
import { basename } from 'node:path'
import { closeSync, openSync, readSync } from 'node:fs'
import { ImportFault } from '../formats/types'
import { formatBytes, MB, type ImportLimits } from './limits'

/** True when `head` starts like a zip file ("PK"). */
export function startsLikeZip(head: Buffer): boolean {
  return head[0] === 0x50 && head[1] === 0x4b
}

/** True when the file at `path` starts like a zip file. */
export function isZipFile(path: string): boolean {
  const fd = openSync(path, 'r')
  try {
    const head = Buffer.alloc(2)
    readSync(fd, head, 0, 2, 0)
    return startsLikeZip(head)
  } finally {
    closeSync(fd)
  }
}

export interface ZipEntryInfo {
  name: string
  compressedSize: number
  /** As declared by the zip; never trusted for limits, only for progress. */
  declaredSize: number
}

/** A zip opened for reading with every entry name checked and every byte inflated counted. */
export interface SafeZip {
  entries: ZipEntryInfo[]
  /** Streams one entry's inflated bytes; fails as soon as a limit is crossed. */
  open(name: string): Promise<Readable>
  close(): void
}

const S_IFMT = 0o170000
const S_IFLNK = 0o120000
/** Below this many inflated bytes an entry's ratio is not judged (tiny files compress wildly). */
const RATIO_GRACE_BYTES = 1 * MB

/**
 * Opens `path` as a zip and lists its entries, refusing the whole file when any entry would
 * escape the folder (`../`), names an absolute path, is a symlink, or when there are too many
 * entries. A damaged or truncated zip becomes one clear ImportFault.
 */
export async function openSafeZip(path: string, limits: ImportLimits): Promise<SafeZip> {
  const label = basename(path)
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true },
      (err, z) => (err ? reject(zipFault(err, label)) : resolve(z))
    )
  })
  const entries = new Map<string, yauzl.Entry>()
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        try {
          checkEntry(entry, label)
          if (entries.size >= limits.maxEntries) {
            throw new ImportFault(
              `${label} holds more than ${limits.maxEntries} files; nothing was imported.`
            )
          }
          if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry)
          zip.readEntry()
        } catch (err) {
          reject(err)
        }
      })
      zip.once('end', () => resolve())
      zip.once('error', (err: Error) => reject(zipFault(err, label)))
      zip.readEntry()
    })
  } catch (err) {
    zip.close()
    throw err
  }

  let inflatedTotal = 0
  return {
    entries: [...entries.values()].map((e) => ({
      name: e.fileName,
      compressedSize: e.compressedSize,
      declaredSize: e.uncompressedSize
    })),
    async open(name) {
      const entry = entries.get(name)
      if (!entry) throw new ImportFault(`${label} has no file called ${name}.`)
      const raw = await new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entry, (err, stream) => (err ? reject(zipFault(err, label)) : resolve(stream)))
      )
      let inflated = 0
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          inflated += chunk.length
          inflatedTotal += chunk.length
          if (inflatedTotal > limits.maxInflatedBytes) {
            return done(
              new ImportFault(
                `${label} unpacks to more than ${formatBytes(limits.maxInflatedBytes)}, more than an import accepts; nothing was imported.`
              )
            )
          }
          if (
            inflated > RATIO_GRACE_BYTES &&
            inflated > Math.max(1, entry.compressedSize) * limits.maxRatio
          ) {
            return done(
              new ImportFault(
                `${name} in ${label} unpacks to over ${limits.maxRatio} times its packed size, which only a zip bomb does; nothing was imported.`
              )
            )
          }
          done(null, chunk)
        }
      })
      raw.on('error', (err: Error) => counter.destroy(zipFault(err, label)))
      return raw.pipe(counter)
    },
    close: () => zip.close()
  }
}

function checkEntry(entry: yauzl.Entry, label: string): void {
  const name = entry.fileName
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) {
    throw new ImportFault(
      `${label} contains an entry with an absolute path (${name}); it was refused and nothing was imported.`
    )
  }
  if (name.split(/[/\\]/).includes('..')) {
    throw new ImportFault(
      `${label} contains an entry that points outside its folder (${name}); it was refused and nothing was imported.`
    )
  }
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT
  if (mode === S_IFLNK) {
    throw new ImportFault(
      `${label} contains a symbolic link (${name}); archives with links are refused and nothing was imported.`
    )
  }
}

/** yauzl's and zlib's messages, turned into one sentence for people. */
function zipFault(err: Error, label: string): Error {
  if (err instanceof ImportFault) return err
  const message = err.message
  if (/absolute path/.test(message)) {
    return new ImportFault(
      `${label} contains an entry with an absolute path; it was refused and nothing was imported.`
    )
  }
  if (/invalid relative path|invalid characters in fileName/.test(message)) {
    return new ImportFault(
      `${label} contains an entry that points outside its folder; it was refused and nothing was imported.`
    )
  }
  if (/too many bytes|too few bytes/.test(message)) {
    return new ImportFault(
      `${label} is damaged: an entry's size does not match what the zip declares. Nothing was imported.`
    )
  }
  return new ImportFault(
    `${label} is not a readable zip file — it may be damaged or incomplete (${message}). Nothing was imported.`
  )
}
