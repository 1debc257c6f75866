/*
 * A conversion thread: turns a post's HTML or a note's Markdown into a review document for an
 * import running in another thread (see ConversionPool), so that Lexical's imports, the costliest
 * part of reading an export, run beside the import's parsing and writing. A failed conversion is
 * answered with its message; the import reports it against the item.
 */
import { parentPort } from 'node:worker_threads'
import { convert, type ConversionAnswer, type ConversionRequest } from './conversions'
import { deriveReviewText } from '../../stores/reviewText'

const port = parentPort
port?.on('message', ({ id, kind, text }: ConversionRequest) => {
  try {
    const converted = convert(kind, text)
    // The review's text and word count too, here rather than on the thread that writes them.
    port.postMessage({ id, converted, text: deriveReviewText(converted.doc) } satisfies ConversionAnswer)
  } catch (err) {
    port.postMessage({
      id,
      error: err instanceof Error ? err.message : String(err)
    } satisfies ConversionAnswer)
  }
})
