import { lstatSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join, relative, sep } from 'node:path'
import type { FormatReader, ReaderContext } from '../types'
import { ImportFault } from '../types'
import type { ImportRecord } from '../../records'
import type { LexicalDoc } from '../../../../../shared/domain'
import { EMPTY_DOC } from '../../../../../shared/conversions/plainText'
import { openSafeZip } from '../../files/safeZip'
import { decodeText, readAllBytes } from '../../import/textDecoding'
import { formatBytes } from '../../files/limits'
import { markdownToRecords } from './noteToRecords'

const MARKDOWN = /\.(md|markdown)$/i
/** Folders tools keep beside the notes (Obsidian's settings, Joplin's attachments, macOS zips). */
const SKIPPED = /(^|\/)(\.[^/]*|_resources|__MACOSX|node_modules)(\/|$)/

/** A folder or zip of Markdown notes (ours, Obsidian, Joplin "Markdown + Front Matter"), or one note. */
export const markdownReader: FormatReader = {
  name: 'markdown',
  extensions: ['md', 'markdown', 'zip'],
  sniff: (path, _head, isDirectory, zipEntries) =>
    isDirectory ||
    MARKDOWN.test(path) ||
    (zipEntries?.some((name) => MARKDOWN.test(name) && !SKIPPED.test(name)) ?? false),
  read: readMarkdown
}

/** One note as read from the source, or a note that could not be read. */
type Note = { name: string; text: string; position: number } | ImportRecord

function readMarkdown(path: string, ctx: ReaderContext): AsyncGenerator<ImportRecord> {
  return convertInOrder(readNotes(path, ctx), ctx.convertMarkdown)
}

async function* readNotes(path: string, ctx: ReaderContext): AsyncGenerator<Note> {
  const info = lstatSync(path)
  if (info.isDirectory()) {
    const files = listFolder(path, ctx.limits.maxEntries)
    if (files.length === 0)
      throw new ImportFault(`${basename(path)} holds no Markdown (.md) files; nothing was imported.`)
    for (const [i, file] of files.entries()) {
      if (ctx.signal.aborted) return
      const size = lstatSync(file).size
      const rel = relative(path, file).split(sep).join('/')
      if (size > ctx.limits.maxDocumentBytes) {
        yield {
          kind: 'problem',
          position: i + 1,
          what: rel,
          message: `larger than ${formatBytes(ctx.limits.maxDocumentBytes)}; skipped`
        }
        continue
      }
      yield { name: rel, text: decodeText(readFileSync(file), rel), position: i + 1 }
      ctx.progress(i + 1, files.length)
    }
    return
  }
  if (MARKDOWN.test(path)) {
    yield { name: basename(path), text: decodeText(readFileSync(path), basename(path)), position: 1 }
    return
  }
  const zip = await openSafeZip(path, ctx.limits)
  try {
    const names = zip.entries
      .map((e) => e.name)
      .filter((n) => MARKDOWN.test(n) && !SKIPPED.test(n))
      .sort()
    if (names.length === 0)
      throw new ImportFault(`${basename(path)} holds no Markdown (.md) files; nothing was imported.`)
    for (const [i, name] of names.entries()) {
      if (ctx.signal.aborted) return
      const bytes = await readAllBytes(await zip.open(name), name, ctx.limits.maxDocumentBytes)
      yield { name, text: decodeText(bytes, name), position: i + 1 }
      ctx.progress(i + 1, names.length)
    }
  } finally {
    zip.close()
  }
}

/** Notes kept waiting for their documents: enough to keep the threads busy, few enough to stay small. */
const CONVERSIONS_AHEAD = 32

/** A note's records; with a converter, its review's document is still to come. */
interface Pending {
  records: ImportRecord[]
  body: Promise<LexicalDoc> | null
  name: string
  position: number
}

/**
 * Each note's records, in the source's order. With `convert` (threads of the import's host),
 * the Markdown of the next notes is converted while earlier ones are written.
 */
async function* convertInOrder(
  notes: AsyncIterable<Note>,
  convert?: (markdown: string) => Promise<LexicalDoc>
): AsyncGenerator<ImportRecord> {
  const ahead: Pending[] = []
  for await (const note of notes) {
    if ('kind' in note) {
      ahead.push({ records: [note], body: null, name: '', position: note.position ?? 0 })
    } else if (!convert) {
      yield* markdownToRecords(note.name, note.text, note.position)
    } else {
      let body: Promise<LexicalDoc> | null = null
      const records = markdownToRecords(note.name, note.text, note.position, (markdown) => {
        body = convert(markdown)
        // Handled when released; this keeps an early failure from counting as unhandled.
        body.catch(() => undefined)
        return EMPTY_DOC
      })
      ahead.push({ records, body, name: note.name, position: note.position })
    }
    while (ahead.length > (convert ? CONVERSIONS_AHEAD : 0)) yield* release(ahead.shift()!)
  }
  while (ahead.length) yield* release(ahead.shift()!)
}

/** A note's records once its document has arrived; a failed conversion is the note's problem. */
async function* release({ records, body, name, position }: Pending): AsyncGenerator<ImportRecord> {
  if (body) {
    try {
      const doc = await body
      for (const record of records) if (record.kind === 'review') record.body = doc
    } catch (err) {
      yield {
        kind: 'problem',
        position,
        what: name,
        message: `could not be read: ${err instanceof Error ? err.message : String(err)}`
      }
      return
    }
  }
  yield* records
}

/** Markdown files under `root`, sorted; symlinks are not followed (they could lead anywhere). */
function listFolder(root: string, maxEntries: number): string[] {
  const found: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name)
    )) {
      const full = join(dir, entry.name)
      if (SKIPPED.test(relative(root, full).split(sep).join('/'))) continue
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile() && MARKDOWN.test(entry.name)) {
        found.push(full)
        if (found.length > maxEntries)
          throw new ImportFault(
            `${basename(root)} holds more than ${maxEntries} files; nothing was imported.`
          )
      }
    }
  }
  walk(root)
  return found
}
