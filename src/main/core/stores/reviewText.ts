import type { LexicalDoc } from '../../../shared/domain'
import { countWords, lexicalToPlainText } from '../../../shared/conversions/plainText'

/**
 * What the review store derives from a document, apart from the store (no database here), so
 * that an import's conversion threads can derive it too, off the thread that writes.
 */

/** A review document as stored: the serialized editor state and the text derived from it. */
export interface ReviewText {
  body: string
  body_text: string
  word_count: number
}

/** Texts derived by `deriveReviewText` in another thread, by the document they were derived from. */
const derivedElsewhere = new WeakMap<LexicalDoc, ReviewText>()

/** The columns a document sets: its JSON, its plain text and that text's word count. */
export function reviewText(body: LexicalDoc): ReviewText {
  return derivedElsewhere.get(body) ?? deriveReviewText(body)
}

/** Derives a document's columns, never from what was remembered. */
export function deriveReviewText(body: LexicalDoc): ReviewText {
  const text = lexicalToPlainText(body)
  return { body: JSON.stringify(body), body_text: text, word_count: countWords(text) }
}

/**
 * Remembers what `deriveReviewText` gave for `body` in another thread (an import's conversion,
 * whose document arrives here as a copy), for `reviewText` to answer. Only for a document
 * that nothing changes afterwards: it is kept by identity, not by content.
 */
export function rememberReviewText(body: LexicalDoc, text: ReviewText): void {
  derivedElsewhere.set(body, text)
}
