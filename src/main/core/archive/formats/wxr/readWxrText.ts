import { EMPTY_DOC } from '../../../../../shared/conversions/plainText'
import type { ConvertedHtml, DroppedPart } from '../../../../../shared/conversions/html'
import { convertReviewHtml } from '../../../conversions/dom'
import type { ImportRecord } from '../../records'
import { WxrParser, type WxrItem } from './wxrParser'
import { itemToRecords, siteKey, withDroppedNote } from './itemRecords'
import { SiteClock } from './dates'
import { OwnReplies, type CriticIdentity } from './owners'

export interface WxrReadOptions {
  /** The file's name, for messages. */
  label: string
  /** Largest single field (a post body) accepted, in characters. */
  maxFieldChars: number
  signal?: AbortSignal
  /** Converts post HTML to a review document; Lexical's own HTML import by default. */
  htmlToDoc?(html: string): ConvertedHtml
  /** Converts post HTML elsewhere (another thread); used instead of `htmlToDoc` when given. */
  convertHtml?(html: string): Promise<ConvertedHtml>
  /** The critic as Preferences name them: comments with their e-mail are own replies. */
  critic?: CriticIdentity | null
}

/** An item's records; with a converter, its post's document is still to come. */
interface ItemOutcome {
  records: ImportRecord[]
  dropped: DroppedPart[]
  body: Promise<ConvertedHtml> | null
  position: number
}

const NOTHING_YET: ConvertedHtml = { doc: EMPTY_DOC, dropped: [] }

/** Items kept waiting for their conversions: enough to keep a converter busy, few enough to stay small. */
const CONVERSIONS_AHEAD = 32

/**
 * Streams a WordPress export (as decoded text) into records, one `<item>` at a time, so a
 * 200 MB export is read in bounded memory. Faults in the whole file (not XML, not WXR,
 * a DOCTYPE, cut short) throw an ImportFault; a bad item becomes a `problem` record.
 * With `convertHtml`, post HTML is converted elsewhere while later items are read.
 */
export async function* readWxrText(
  chunks: AsyncIterable<string>,
  options: WxrReadOptions
): AsyncGenerator<ImportRecord> {
  const parser = new WxrParser(options.label, options.maxFieldChars)
  const convert = options.convertHtml
  let position = 0
  let site: string | null = null
  const clock = new SiteClock()
  let owners: OwnReplies | null = null
  const outcome = (item: WxrItem): ItemOutcome => {
    position++
    site ??= siteKey(parser.channel)
    // The channel lists its authors before the first item.
    owners ??= new OwnReplies(parser.channel.authors, options.critic ?? null)
    const outlet = parser.channel.title.trim() || null
    let body: Promise<ConvertedHtml> | null = null
    // Sent to the converter; the review's body is filled in when it answers (see `release`).
    const sendHtml = (html: string) => {
      body = convert!(html)
      // Handled when released; this keeps an early failure from counting as unhandled.
      body.catch(() => undefined)
      return NOTHING_YET
    }
    const htmlToDoc = convert ? sendHtml : (options.htmlToDoc ?? convertReviewHtml)
    try {
      const { records, dropped } = itemToRecords(item, {
        site,
        outlet,
        position,
        htmlToDoc,
        clock,
        owners,
        dropped: []
      })
      return { records, dropped, body, position }
    } catch (err) {
      return { records: [itemProblem(position, err)], dropped: [], body: null, position }
    }
  }
  const ahead: ItemOutcome[] = []
  const keep = convert ? CONVERSIONS_AHEAD : 0
  for await (const chunk of chunks) {
    // Stop quietly: the import runner sees the cancel and rolls everything back.
    if (options.signal?.aborted) return
    parser.write(chunk)
    for (const item of parser.take()) ahead.push(outcome(item))
    while (ahead.length > keep) yield* release(ahead.shift()!)
  }
  parser.end()
  for (const item of parser.take()) ahead.push(outcome(item))
  while (ahead.length) yield* release(ahead.shift()!)
}

/** An item's records once its post's document has arrived; a failed conversion is the item's problem. */
async function* release({ records, dropped, body, position }: ItemOutcome): AsyncGenerator<ImportRecord> {
  if (body) {
    try {
      const converted: ConvertedHtml = await body
      for (const record of records) if (record.kind === 'review') record.body = converted.doc
      dropped.push(...converted.dropped)
    } catch (err) {
      yield itemProblem(position, err)
      return
    }
  }
  yield* withDroppedNote(records, dropped)
}

function itemProblem(position: number, err: unknown): ImportRecord {
  const message = err instanceof Error ? err.message : String(err)
  return {
    kind: 'problem',
    position,
    what: `item ${position}`,
    message: `This item could not be read: ${message}`
  }
}
