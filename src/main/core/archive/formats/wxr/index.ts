import { createReadStream, createWriteStream, renameSync, rmSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Db } from '../../../db/connection'
import type { ExportSummary } from '../../../../../shared/contract/archive'
import { JournalFailure } from '../../../context'
import { REVIEW_TAGS, tagsByOwner } from '../../../tags/tags'
import { withReadSnapshot } from '../../output'
import { decodeTextStream, detectEncoding } from '../../text'
import { isZipFile, openSafeZip } from '../../zip'
import type { ExportContext, FormatExporter, FormatReader, ReaderContext } from '../types'
import type { ImportRecord } from '../../records'
import { readWxrText } from './readWxr'
import { CHANNEL_END, channelHead, reviewItem, wxrAuthor, type ItemNumbers } from './writeWxr'
import { readSettings } from '../../../settings/settings'
import { reviewIdsForWxr, siteOfJournal, wxrReader } from './wxrRows'
import { tagSlugs } from './slugs'

/** Reads a WordPress export (WXR 1.0–1.2), as an .xml file or a zip of them (WordPress.com). */
export const wordpressReader: FormatReader = {
  name: 'wxr',
  extensions: ['xml', 'wxr'],
  sniff(_path, head, isDirectory, zipEntries) {
    if (isDirectory) return false
    if (zipEntries) return zipEntries.length > 0 && zipEntries.every((name) => /\.xml$/i.test(name) || name.endsWith('/'))
    return looksLikeWxr(head)
  },
  read: readWordPressExport
}

/** Writes every review (not those in the trash) with its responses as WXR 1.2. */
export const wordpressExporter: FormatExporter = {
  name: 'wxr',
  extension: '.xml',
  label: 'WordPress export (WXR)',
  run: exportWordPress
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
      ctx.progress(read, size)
      yield chunk as Buffer
    }
  })()
  yield* readWxrText(decodeTextStream(counted, label), { label, maxFieldChars: ctx.limits.maxDocumentBytes, signal: ctx.signal, convertHtml: ctx.convertHtml, critic: ctx.critic })
}


/** WordPress.com sends large sites as a zip of several WXR files: each is read in turn. */
async function* readZippedExports(path: string, label: string, ctx: ReaderContext): AsyncGenerator<ImportRecord> {
  const zip = await openSafeZip(path, ctx.limits)
  try {
    const files = zip.entries.filter((e) => /\.xml$/i.test(e.name))
    for (const [i, entry] of files.entries()) {
      const name = `${label}: ${entry.name}`
      const stream = (await zip.open(entry.name)) as AsyncIterable<Buffer>
      yield* readWxrText(decodeTextStream(stream, name), { label: name, maxFieldChars: ctx.limits.maxDocumentBytes, signal: ctx.signal, convertHtml: ctx.convertHtml, critic: ctx.critic })
      ctx.progress(i + 1, files.length)
    }
  } finally {
    zip.close()
  }
}

async function exportWordPress(db: Db, outPath: string, ctx: ExportContext): Promise<ExportSummary> {
  return withReadSnapshot(db, async () => {
    const ids = reviewIdsForWxr(db)
    const tags = tagsByOwner(db, REVIEW_TAGS)
    const site = siteOfJournal(db)
    const url = site.url ?? 'https://journal.invalid'
    const slugs = tagSlugs([...tags.values()].flat())
    const slugOf = new Map([...slugs].map(([key, tag]) => [key, tag.slug]))
    const rows = wxrReader(db)
    const numbers: ItemNumbers = { postId: 0, nextCommentId: 1 }
    const author = wxrAuthor(readSettings(db).criticName)
    let responses = 0
    const chunks = function* () {
      yield channelHead({
        title: site.title ?? 'Review Journal',
        url,
        tags: [...slugs.values()],
        generator: `Review Journal ${ctx.appVersion}`,
        author
      })
      for (const [i, id] of ids.entries()) {
        if (ctx.signal.aborted) throw cancelled()
        const review = rows.review(id)
        if (!review) continue
        const thread = rows.responses(id)
        responses += thread.length
        numbers.postId++
        yield reviewItem(review, tags.get(id) ?? [], slugOf, thread, url, numbers, author)
        if ((i + 1) % 100 === 0) ctx.progress(i + 1, ids.length)
      }
      yield CHANNEL_END
    }
    const bytes = await writeFileAtomically(outPath, chunks())
    ctx.progress(ids.length, ids.length)
    return { format: 'wxr', name: basename(outPath), counts: { review: numbers.postId, response: responses }, files: 1, bytes }
  })
}

function cancelled(): JournalFailure {
  return new JournalFailure('CANCELLED', 'The export was cancelled; no file was written.')
}

/** Streams text to `outPath` through a temporary file, so a failed export leaves nothing half written. */
async function writeFileAtomically(outPath: string, chunks: Iterable<string>): Promise<number> {
  const partial = `${outPath}.partial`
  let bytes = 0
  const counted = (function* () {
    for (const chunk of chunks) {
      const buffer = Buffer.from(chunk, 'utf8')
      bytes += buffer.length
      yield buffer
    }
  })()
  try {
    await pipeline(Readable.from(counted), createWriteStream(partial))
    renameSync(partial, outPath)
    return bytes
  } catch (err) {
    rmSync(partial, { force: true })
    throw err
  }
}
