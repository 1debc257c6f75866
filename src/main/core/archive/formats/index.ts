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

/**
 * Every import format, in the order auto-detection asks them: the most specific first, the
 * Markdown folder (which accepts any folder of `.md` files) last.
 */
export const READERS: FormatReader[] = [journalArchiveReader, wordpressReader, letterboxdReader, markdownReader]

/** Every export format. */
export const EXPORTERS: FormatExporter[] = [journalArchiveExporter, markdownExporter, htmlExporter, wordpressExporter, letterboxdExporter]
