import type { FormatExporter, FormatReader } from './types'
import { journalArchiveReader } from './journal/reader'
import { journalArchiveExporter } from './journal/writer'
import { markdownReader } from './markdown/reader'
import { markdownExporter } from './markdown/writer'
import { htmlExporter } from './html/writer'
import { wordpressExporter, wordpressReader } from './wxr'
import { letterboxdExporter, letterboxdReader } from './letterboxd'

/**
 * Every import format, in the order auto-detection asks them: the most specific first, the
 * Markdown folder (which accepts any folder of `.md` files) last.
 */
export const READERS: FormatReader[] = [journalArchiveReader, wordpressReader, letterboxdReader, markdownReader]

/** Every export format. */
export const EXPORTERS: FormatExporter[] = [journalArchiveExporter, markdownExporter, htmlExporter, wordpressExporter, letterboxdExporter]
