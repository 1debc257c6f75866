import { basename } from 'node:path'
import type { Db } from '../../../db/connection'
import type { FormatExporter, ExportContext } from '../types'
import type { ExportSummary } from '../../../../../shared/contract/archive'
import { writeZipAtomically } from '../../files/atomicFile'
import { readJournal } from '../../export/journalRecords'
import {
  ARCHIVE_EXTENSION,
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  ENTITY_FILES,
  type EntityName,
  type Manifest
} from './schema'
import { archiveLines, jsonLines } from './archiveLines'
import { markdownCopies } from './markdownCopies'

/** Writes the whole journal, ids and history included, as a journal archive. */
export const journalArchiveExporter: FormatExporter = {
  name: 'archive',
  extension: ARCHIVE_EXTENSION,
  label: 'Review Journal archive',
  run: exportJournalArchive
}

async function exportJournalArchive(db: Db, outPath: string, ctx: ExportContext): Promise<ExportSummary> {
  return readJournal(db, async (journal) => {
    const counts = Object.fromEntries(
      (Object.keys(ENTITY_FILES) as EntityName[]).map((e) => [e, journal.count(e)])
    ) as Record<EntityName, number>
    const total = Object.values(counts).reduce((a, b) => a + b, 0) + counts.reviews
    let done = 0
    const tick = () => {
      if (++done % 500 === 0) ctx.progress(done, total)
    }
    const manifest: Manifest = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      exportedAt: new Date().toISOString(),
      appVersion: ctx.appVersion,
      counts
    }
    // Level 1: seven times faster than zlib's default on this JSON, about a third larger.
    const entry = { mtime: new Date(), compressionLevel: 1 }
    const bytes = await writeZipAtomically(
      outPath,
      (zip) => {
        zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2) + '\n'), 'manifest.json', entry)
        for (const entity of Object.keys(ENTITY_FILES) as EntityName[]) {
          zip.addReadStream(jsonLines(archiveLines(entity, journal, tick)), ENTITY_FILES[entity], entry)
        }
        for (const copy of markdownCopies(journal, tick)) zip.addReadStream(copy.stream, copy.name, entry)
      },
      ctx.signal
    )
    ctx.progress(total, total)
    return {
      format: 'archive',
      name: basename(outPath),
      counts: {
        work: counts.works,
        tag: counts.tags,
        review: counts.reviews,
        revision: counts.revisions,
        screening: counts.screenings,
        response: counts.responses
      },
      files: 1,
      bytes
    }
  })
}
