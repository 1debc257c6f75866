import { createReadStream, statSync } from 'node:fs'
import { basename } from 'node:path'
import { decodeTextStream, detectEncoding } from '../../import/textDecoding'
import { isZipFile, openSafeZip } from '../../files/safeZip'
import type { FormatReader, ReaderContext } from '../types'
import type { ImportRecord } from '../../records'
import { readWxrText } from './readWxrText'
/** Reads a WordPress export (WXR 1.0–1.2), as an .xml file or a zip of them (WordPress.com). */
export const wordpressReader: FormatReader = {
  name: 'wxr',
  extensions: ['xml', 'wxr'],
  sniff(_path, head, isDirectory, zipEntries) {
    if (isDirectory) return false
    if (zipEntries)
      return zipEntries.length > 0 && zipEntries.every((name) => /\.xml$/i.test(name) || name.endsWith('/'))
    return looksLikeWxr(head)
  },
  read: readWordPressExport
}

/** The start of a WordPress export: an RSS root that declares a WXR namespace. */
function looksLikeWxr(head: Buffer): boolean {
  const text = headText(head)
  return /<rss[\s>]/.test(text) && /wordpress\.org\/export\/\d+\.\d+\//.test(text)
}

function headText(head: Buffer): string {
  return new TextDecoder(detectEncoding(head)).decode(head)
}

async function* readWordPressExport(path: string, ctx: ReaderContext): AsyncGenerator<ImportRecord> {
  const label = basename(path)
  const size = statSync(path).size
  if (isZipFile(path)) {
    yield* readZippedExports(path, label, ctx)
    return
  }
  let read = 0
  const counted = (async function* () {
    for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
      read += (chunk as Buffer).length
      ctx.progress(read, size, 'bytes')
      yield chunk as Buffer
    }
  })()
  yield* readWxrText(decodeTextStream(counted, label), {
    label,
    maxFieldChars: ctx.limits.maxDocumentBytes,
    signal: ctx.signal,
    convertHtml: ctx.convertHtml,
    critic: ctx.critic
  })
}

/** WordPress.com sends large sites as a zip of several WXR files: each is read in turn. */
async function* readZippedExports(
  path: string,
  label: string,
  ctx: ReaderContext
): AsyncGenerator<ImportRecord> {
  const zip = await openSafeZip(path, ctx.limits)
  try {
    const files = zip.entries.filter((e) => /\.xml$/i.test(e.name))
    for (const [i, entry] of files.entries()) {
      const name = `${label}: ${entry.name}`
      const stream = (await zip.open(entry.name)) as AsyncIterable<Buffer>
      yield* readWxrText(decodeTextStream(stream, name), {
        label: name,
        maxFieldChars: ctx.limits.maxDocumentBytes,
        signal: ctx.signal,
        convertHtml: ctx.convertHtml,
        critic: ctx.critic
      })
      ctx.progress(i + 1, files.length)
    }
  } finally {
    zip.close()
  }
}
