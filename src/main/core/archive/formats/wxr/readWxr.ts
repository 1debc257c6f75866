import type { LexicalDoc } from '../../../../../shared/domain'
import { htmlToLexical } from '../../../../../shared/conversions/html'
import { parseHtmlDocument } from '../../../conversions/dom'
import type { ImportRecord } from '../../records'
import { WxrParser } from './wxrParser'
import { itemToRecords, siteKey } from './wxrRecords'

export interface WxrReadOptions {
  /** The file's name, for messages. */
  label: string
  /** Largest single field (a post body) accepted, in characters. */
  maxFieldChars: number
  signal?: AbortSignal
  /** Converts post HTML to a review document; Lexical's own HTML import by default. */
  htmlToDoc?(html: string): LexicalDoc
}

/** HTML (a post, a Letterboxd review) to a review document with the shared conversions, linkedom as the DOM. */
export function htmlToReviewDoc(html: string): LexicalDoc {
  return htmlToLexical(html, parseHtmlDocument)
}

/**
 * Streams a WordPress export (as decoded text) into records, one `<item>` at a time, so a
 * 200 MB export is read in bounded memory. Faults in the whole file (not XML, not WXR,
 * a DOCTYPE, cut short) throw an ImportFault; a bad item becomes a `problem` record.
 */
export async function* readWxrText(chunks: AsyncIterable<string>, options: WxrReadOptions): AsyncGenerator<ImportRecord> {
  const parser = new WxrParser(options.label, options.maxFieldChars)
  const htmlToDoc = options.htmlToDoc ?? htmlToReviewDoc
  let position = 0
  let site: string | null = null
  const toRecords = function* () {
    for (const item of parser.take()) {
      position++
      site ??= siteKey(parser.channel)
      const outlet = parser.channel.title.trim() || null
      try {
        yield* itemToRecords(item, { site, outlet, position, htmlToDoc })
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err)
        yield { kind: 'problem', position, what: `item ${position}`, message: `This item could not be read: ${message}` } as const
      }
    }
  }
  for await (const chunk of chunks) {
    // Stop quietly: the import runner sees the cancel and rolls everything back.
    if (options.signal?.aborted) return
    parser.write(chunk)
    yield* toRecords()
  }
  parser.end()
  yield* toRecords()
}
