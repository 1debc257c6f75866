/*
 * The HTML converter thread: turns HTML into review documents for an import running in another
 * thread (see HtmlConverter), so that Lexical's HTML import, the costliest part of reading a
 * WordPress export, overlaps the import's parsing and writing. A failed conversion is answered
 * with its message; the import reports it against the item.
 */
import { parentPort } from 'node:worker_threads'
import { convertReviewHtml } from '../../conversions/dom'
import type { ConvertedHtml } from '../../../../shared/conversions/html'

/** A conversion asked of the thread, and its answer. */
export interface HtmlRequest {
  id: number
  html: string
}
export type HtmlAnswer = { id: number; converted: ConvertedHtml } | { id: number; error: string }

const port = parentPort!
port.on('message', ({ id, html }: HtmlRequest) => {
  try {
    port.postMessage({ id, converted: convertReviewHtml(html) } satisfies HtmlAnswer)
  } catch (err) {
    port.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies HtmlAnswer)
  }
})
