import { lstatSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join, relative, sep } from 'node:path'
import type { FormatReader, ReaderContext } from '../types'
import { ImportFault } from '../types'
import type { ImportRecord } from '../../records'
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
    isDirectory || MARKDOWN.test(path) || (zipEntries?.some((name) => MARKDOWN.test(name) && !SKIPPED.test(name)) ?? false),
  read: readMarkdown
}

async function* readMarkdown(path: string, ctx: ReaderContext): AsyncGenerator<ImportRecord> {
  const info = lstatSync(path)
  if (info.isDirectory()) {
    const files = listFolder(path, ctx.limits.maxEntries)
    if (files.length === 0) throw new ImportFault(`${basename(path)} holds no Markdown (.md) files; nothing was imported.`)
    for (const [i, file] of files.entries()) {
      if (ctx.signal.aborted) return
      const size = lstatSync(file).size
      const rel = relative(path, file).split(sep).join('/')
      if (size > ctx.limits.maxDocumentBytes) {
        yield { kind: 'problem', position: i + 1, what: rel, message: `larger than ${formatBytes(ctx.limits.maxDocumentBytes)}; skipped` }
        continue
      }
      yield* markdownToRecords(rel, decodeText(readFileSync(file), rel), i + 1)
      ctx.progress(i + 1, files.length)
    }
    return
  }
  if (MARKDOWN.test(path)) {
    yield* markdownToRecords(basename(path), decodeText(readFileSync(path), basename(path)), 1)
    return
  }
  const zip = await openSafeZip(path, ctx.limits)
  try {
    const names = zip.entries.map((e) => e.name).filter((n) => MARKDOWN.test(n) && !SKIPPED.test(n)).sort()
    if (names.length === 0) throw new ImportFault(`${basename(path)} holds no Markdown (.md) files; nothing was imported.`)
    for (const [i, name] of names.entries()) {
      if (ctx.signal.aborted) return
      const bytes = await readAllBytes(await zip.open(name), name, ctx.limits.maxDocumentBytes)
      yield* markdownToRecords(name, decodeText(bytes, name), i + 1)
      ctx.progress(i + 1, names.length)
    }
  } finally {
    zip.close()
  }
}

/** Markdown files under `root`, sorted; symlinks are not followed (they could lead anywhere). */
function listFolder(root: string, maxEntries: number): string[] {
  const found: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name)
      if (SKIPPED.test(relative(root, full).split(sep).join('/'))) continue
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile() && MARKDOWN.test(entry.name)) {
        found.push(full)
        if (found.length > maxEntries) throw new ImportFault(`${basename(root)} holds more than ${maxEntries} files; nothing was imported.`)
      }
    }
  }
  walk(root)
  return found
}
