import type { FormatExporter, FormatReader } from './types'
import { journalArchiveReader } from './journal/reader'
import { journalArchiveExporter } from './journal/writer'
import { markdownReader } from './markdown/reader'
import { markdownExporter } from './markdown/writer'
import { htmlExporter } from './html/writer'
import { wordpressReader } from './wxr/reader'
import { wordpressExporter } from './wxr/writer'
import { letterboxdReader } from './letterboxd/reader'
import { letterboxdExporter } from './letterboxd/writer'

/*
 * The file formats, one folder each: `reader.ts` turns a file into records (records.ts) without
 * touching the journal, `writer.ts` turns the journal's records (export/journalRecords.ts) into
 * a file; everything else in the folder is their helpers. HTML is written only.
 */

/**
 * Every import format, in the order auto-detection asks them: the most specific first, the
 * Markdown folder (which accepts any folder of `.md` files) last.
 */
export const READERS: FormatReader[] = [
  journalArchiveReader,
  wordpressReader,
  letterboxdReader,
  markdownReader
]

/** Every export format. */
export const EXPORTERS: FormatExporter[] = [
  journalArchiveExporter,
  markdownExporter,
  htmlExporter,
  wordpressExporter,
  letterboxdExporter
]
