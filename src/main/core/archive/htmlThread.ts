import { parentPort } from 'node:worker_threads'
import { htmlToReviewDoc } from '../conversions/dom'
import type { LexicalDoc } from '../../../shared/domain'

/** A conversion asked of the thread, and its answer. */
export interface HtmlRequest {
  id: number
  html: string
}
export type HtmlAnswer = { id: number; doc: LexicalDoc } | { id: number; error: string }

/**
 * Converts HTML to review documents for an import running in another thread, so that Lexical's
 * HTML import (the costliest part of reading a WordPress export) overlaps parsing and writing.
 * Answers come back in the order asked.
 */
const port = parentPort!
port.on('message', ({ id, html }: HtmlRequest) => {
  try {
    port.postMessage({ id, doc: htmlToReviewDoc(html) } satisfies HtmlAnswer)
  } catch (err) {
    port.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies HtmlAnswer)
  }
})
