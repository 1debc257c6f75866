/*
 * A conversion thread: turns a post's HTML or a note's Markdown into a review document for an
 * import running in another thread (see ConversionPool), so that Lexical's imports, the costliest
 * part of reading an export, run beside the import's parsing and writing. A failed conversion is
 * answered with its message; the import reports it against the item.
 */
import { parentPort } from 'node:worker_threads'
import { convertReviewHtml } from '../../conversions/dom'
import { markdownToLexical } from '../../../../shared/conversions/markdown'
import type { ConvertedHtml } from '../../../../shared/conversions/html'

/** What a conversion is from. */
export type ConversionKind = 'html' | 'markdown'

/** A conversion asked of the thread, and its answer. */
export interface ConversionRequest {
  id: number
  kind: ConversionKind
  text: string
}
export type ConversionAnswer = { id: number; converted: ConvertedHtml } | { id: number; error: string }

/** The conversion itself, the same in a thread and in place. */
export function convert(kind: ConversionKind, text: string): ConvertedHtml {
  return kind === 'html' ? convertReviewHtml(text) : { doc: markdownToLexical(text), dropped: [] }
}

const port = parentPort
port?.on('message', ({ id, kind, text }: ConversionRequest) => {
  try {
    port.postMessage({ id, converted: convert(kind, text) } satisfies ConversionAnswer)
  } catch (err) {
    port.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies ConversionAnswer)
  }
})
