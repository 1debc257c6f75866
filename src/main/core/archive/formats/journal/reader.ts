import { basename } from 'node:path'
import type { z } from 'zod'
import type { FormatReader, ReaderContext } from '../types'
import { ImportFault } from '../types'
import type { ImportRecord } from '../../records'
import { openSafeZip, type SafeZip } from '../../files/safeZip'
import { decodeText, decodeTextStream, readAllBytes, readLines } from '../../import/textDecoding'
import { MB } from '../../files/limits'
import {
  ARCHIVE_EXTENSION,
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  ENTITY_FILES,
  ENTITY_SCHEMAS,
  manifestSchema,
  type EntityName,
  type Manifest
} from './schema'
import { toRecord } from './lineToRecord'

const MANIFEST = 'manifest.json'

/** Reads a journal archive: the manifest first, then each entity file line by line (streamed). */
export const journalArchiveReader: FormatReader = {
  name: 'archive',
  extensions: [ARCHIVE_EXTENSION.slice(1)],
  sniff: (_path, _head, isDirectory, zipEntries) =>
    !isDirectory && zipEntries !== null && zipEntries.includes(MANIFEST),
  read: readJournalArchive
}

async function* readJournalArchive(path: string, ctx: ReaderContext): AsyncGenerator<ImportRecord> {
  const zip = await openSafeZip(path, ctx.limits)
  try {
    const manifest = await readManifest(zip, basename(path))
    const total = Object.values(manifest.counts).reduce((a, b) => a + b, 0)
    let done = 0
    for (const entity of Object.keys(ENTITY_FILES) as EntityName[]) {
      const file = ENTITY_FILES[entity]
      if (!zip.entries.some((e) => e.name === file)) continue
      const schema: z.ZodType = ENTITY_SCHEMAS[entity]
      let line = 0
      const stream = await zip.open(file)
      for await (const text of readLines(decodeTextStream(stream, file), file, ctx.limits.maxDocumentBytes)) {
        line++
        if (ctx.signal.aborted) return
        if (!text.trim()) continue
        yield parseLine(entity, schema, text, file, line)
        if (++done % 500 === 0) ctx.progress(done, total)
      }
    }
    ctx.progress(done, total)
  } finally {
    zip.close()
  }
}

function parseLine(
  entity: EntityName,
  schema: z.ZodType,
  text: string,
  file: string,
  line: number
): ImportRecord {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { kind: 'problem', position: line, what: `${file} line ${line}`, message: 'not valid JSON' }
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
    return {
      kind: 'problem',
      position: line,
      what: `${file} line ${line}`,
      message: `${where}${issue?.message ?? 'not a valid entry'}`
    }
  }
  // The schema checks the document's shape but reorders its keys; the original keeps it byte-exact.
  const raw = value as { body?: unknown }
  const row = raw.body === undefined ? parsed.data : { ...(parsed.data as object), body: raw.body }
  return toRecord(entity, row as never, line)
}

async function readManifest(zip: SafeZip, label: string): Promise<Manifest> {
  if (!zip.entries.some((e) => e.name === MANIFEST)) {
    throw new ImportFault(
      `${label} is not a Review Journal archive: it has no manifest.json. Nothing was imported.`
    )
  }
  let value: unknown
  try {
    value = JSON.parse(decodeText(await readAllBytes(await zip.open(MANIFEST), MANIFEST, 1 * MB), MANIFEST))
  } catch (err) {
    if (err instanceof ImportFault) throw err
    throw new ImportFault(`${label} has a damaged manifest.json (not valid JSON). Nothing was imported.`)
  }
  const format = (value as { format?: unknown } | null)?.format
  if (format !== ARCHIVE_FORMAT) {
    throw new ImportFault(
      `${label} is not a Review Journal archive (its manifest names no such format). Nothing was imported.`
    )
  }
  const version = (value as { version?: unknown }).version
  if (typeof version === 'number' && version > ARCHIVE_VERSION) {
    throw new ImportFault(
      `${label} was written by a newer Review Journal (archive version ${version}; this app reads up to ${ARCHIVE_VERSION}). Update the app to import it.`
    )
  }
  const parsed = manifestSchema.safeParse(value)
  if (!parsed.success) {
    throw new ImportFault(
      `${label} has a damaged manifest.json (${parsed.error.issues[0]?.message}). Nothing was imported.`
    )
  }
  return parsed.data
}
