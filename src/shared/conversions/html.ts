// The conversions work on a DOM in both hosts (the browser's, or linkedom in the core).
/// <reference lib="dom" />
import { $generateNodesFromDOM } from '@lexical/html'
import { $getRoot, type LexicalEditor, type LexicalNode } from 'lexical'
import type { LexicalDoc } from '../domain'
import { $asTopLevelBlocks, $cleanImportedNodes } from './clean'
import { buildDocument, conversionEditor } from './headless'
import { sanitizeHtmlTree } from './sanitizeDom'

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
  parseHtml: ParseHtml
): LexicalNode[] {
  const document = parseHtml(html)
  const body = document.body ?? document.documentElement
  if (!body) return []
  sanitizeHtmlTree(body)
  return $cleanImportedNodes($generateNodesFromDOM(editor, body))
}

/**
 * A review document from an HTML fragment or page (a WordPress post, a pasted article). Only
 * the supported formats survive: no styles, scripts, images, frames or event handlers, and
 * links other than http(s) and mailto become plain text.
 */
export function htmlToLexical(html: string, parseHtml: ParseHtml): LexicalDoc {
  return buildDocument(() => {
    const nodes = $generateJournalNodesFromHtml(conversionEditor(), html, parseHtml)
    const root = $getRoot()
    root.clear()
    root.append(...$asTopLevelBlocks(nodes))
  })
}
