import { convertReviewHtml } from '../../conversions/dom'
import { markdownToLexical } from '../../../../shared/conversions/markdown'
import type { ConvertedHtml } from '../../../../shared/conversions/html'
import type { ReviewText } from '../../stores/reviewText'

/** What a conversion is from. */
export type ConversionKind = 'html' | 'markdown'

/** A conversion asked of a conversion thread, and its answer. */
export interface ConversionRequest {
  id: number
  kind: ConversionKind
  text: string
}
/** A thread's answer: the document, with the columns the review store derives from it. */
export type ConversionAnswer =
  | { id: number; converted: ConvertedHtml; text: ReviewText }
  | { id: number; error: string }

/**
 * The conversion itself, the same in a thread and in place. Kept out of the thread's entry
 * (conversionWorker.ts), which answers every message its thread receives: loaded into the
 * archive worker, that entry would answer the worker's own `cancel` as a failed conversion.
 */
export function convert(kind: ConversionKind, text: string): ConvertedHtml {
  return kind === 'html' ? convertReviewHtml(text) : { doc: markdownToLexical(text), dropped: [] }
}
