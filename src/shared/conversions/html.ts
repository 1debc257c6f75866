// The conversions work on a DOM in both hosts (the browser's, or linkedom in the core).
/// <reference lib="dom" />
import { $generateNodesFromDOM } from '@lexical/html'
import { $getRoot, type LexicalEditor, type LexicalNode } from 'lexical'
import type { LexicalDoc } from '../domain'
import { $asTopLevelBlocks, $cleanImportedNodes } from './clean'
import { buildDocument, conversionEditor } from './headless'
import { sanitizeHtmlTree, type DroppedPart } from './sanitizeDom'

export type { DroppedPart }

export { lexicalToHtml } from './htmlWriter'

/** Parses an HTML string into a Document: DOMParser in the browser, linkedom in the core. */
export type ParseHtml = (html: string) => Document

/**
 * Lexical nodes for `html`, sanitised to what a review supports (see `sanitizeHtmlTree` and
 * `$cleanImportedNodes`). Call inside an update of `editor`; used by paste and by imports.
 */
export function $generateJournalNodesFromHtml(
  editor: LexicalEditor,
  html: string,
  parseHtml: ParseHtml,
  dropped: DroppedPart[] = []
): LexicalNode[] {
  const document = parseHtml(html)
  const body = document.body ?? document.documentElement
  if (!body) return []
  dropped.push(...sanitizeHtmlTree(body))
  return $cleanImportedNodes($generateNodesFromDOM(editor, body))
}

/** A review document from HTML, with what was left out of it on purpose (scripts, embeds, images). */
export interface ConvertedHtml {
  doc: LexicalDoc
  dropped: DroppedPart[]
}

/**
 * A review document from an HTML fragment or page (a WordPress post, a pasted article). Only
 * the supported formats survive: no styles, scripts, images, frames or event handlers, and
 * links other than http(s) and mailto become plain text.
 */
export function htmlToLexical(html: string, parseHtml: ParseHtml): LexicalDoc {
  return convertHtml(html, parseHtml).doc
}

/** `htmlToLexical`, also saying what it left out, for an import's report. */
export function convertHtml(html: string, parseHtml: ParseHtml): ConvertedHtml {
  const dropped: DroppedPart[] = []
  const doc = buildDocument(() => {
    const nodes = $generateJournalNodesFromHtml(conversionEditor(), html, parseHtml, dropped)
    const root = $getRoot()
    root.clear()
    root.append(...$asTopLevelBlocks(nodes))
  })
  return { doc, dropped }
}
