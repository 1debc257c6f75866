import type { Readable } from 'node:stream'
import { TextDecoder } from 'node:util'
import { ImportFault } from '../formats/types'
import { formatBytes } from '../files/limits'

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be'

/**
 * The encoding of text starting with `head`: a UTF-8 BOM or none means UTF-8; a UTF-16 BOM,
 * or the zero bytes every other byte that UTF-16 without a BOM gives ASCII, means UTF-16.
 */
export function detectEncoding(head: Buffer): TextEncoding {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le'
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be'
  if (head.length >= 4) {
    const n = Math.min(head.length - (head.length % 2), 64)
    let evenZeros = 0
    let oddZeros = 0
    for (let i = 0; i < n; i += 2) {
      if (head[i] === 0) evenZeros++
      if (head[i + 1] === 0) oddZeros++
    }
    if (oddZeros > n / 4 && evenZeros === 0) return 'utf-16le'
    if (evenZeros > n / 4 && oddZeros === 0) return 'utf-16be'
  }
  return 'utf-8'
}

function decoderFor(encoding: TextEncoding): TextDecoder {
  // `fatal`: a byte sequence that is not valid text fails loudly instead of becoming U+FFFD.
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: false })
}

function notText(what: string): ImportFault {
  return new ImportFault(
    `${what} is not UTF-8 or UTF-16 text (it may be saved in an older encoding such as Windows-1252). Save it as UTF-8 and import it again; nothing was imported.`
  )
}

/** Decodes a whole document (UTF-8 with or without BOM, or UTF-16), dropping the BOM. */
export function decodeText(bytes: Buffer, what: string): string {
  try {
    return decoderFor(detectEncoding(bytes)).decode(bytes)
  } catch {
    throw notText(what)
  }
}

/**
 * Decodes a byte stream to text chunks as they arrive, in bounded memory, choosing the
 * encoding from the first bytes. For streaming parsers (XML, CSV, JSON lines).
 */
export async function* decodeTextStream(stream: AsyncIterable<Buffer>, what: string): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null
  try {
    for await (const chunk of stream) {
      decoder ??= decoderFor(detectEncoding(chunk))
      const text = decoder.decode(chunk, { stream: true })
      if (text) yield text
    }
    if (decoder) {
      const rest = decoder.decode()
      if (rest) yield rest
    }
  } catch (err) {
    if (err instanceof TypeError) throw notText(what)
    throw err
  }
}

/** Splits decoded text into lines (LF or CRLF), refusing a line longer than `maxLineBytes`. */
export async function* readLines(
  chunks: AsyncIterable<string>,
  what: string,
  maxLineBytes: number
): AsyncGenerator<string> {
  let carry = ''
  for await (const chunk of chunks) {
    carry += chunk
    let start = 0
    let nl: number
    while ((nl = carry.indexOf('\n', start)) !== -1) {
      yield carry.slice(start, nl > start && carry[nl - 1] === '\r' ? nl - 1 : nl)
      start = nl + 1
    }
    carry = carry.slice(start)
    if (carry.length > maxLineBytes) {
      throw new ImportFault(
        `${what} has a line longer than ${formatBytes(maxLineBytes)}; nothing was imported.`
      )
    }
  }
  if (carry.length > 0) yield carry.endsWith('\r') ? carry.slice(0, -1) : carry
}

/** Reads a whole stream into memory, refusing more than `maxBytes` (for one document). */
export async function readAllBytes(
  stream: Readable | AsyncIterable<Buffer>,
  what: string,
  maxBytes: number
): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > maxBytes) {
      throw new ImportFault(
        `${what} is larger than ${formatBytes(maxBytes)}, more than one document may be; nothing was imported.`
      )
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}
