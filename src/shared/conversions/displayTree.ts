// The conversions work on a DOM in both hosts (the browser's, or linkedom in the core).
/// <reference lib="dom" />
import { PULL_QUOTE_CLASS } from './nodes/PullQuoteNode'

/**
 * Elements a browser lays out as blocks (its default style sheet gives them a display other
 * than inline). Any other element, including one nobody has heard of, flows inline.
 */
const BLOCK_DISPLAY = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'CENTER',
  'COL',
  'COLGROUP',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIR',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'LEGEND',
  'LI',
  'LISTING',
  'MAIN',
  'MENU',
  'NAV',
  'OL',
  'P',
  'PLAINTEXT',
  'PRE',
  'SEARCH',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'XMP'
])

/** Blocks Lexical's HTML import knows as blocks; the other block elements are read as `<div>`. */
const LEXICAL_BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TFOOT',
  'UL',
  'BODY',
  'HTML'
])

/**
 * Inline elements Lexical's import joins with their neighbours (its own list, plus the ones it
 * turns into formats). Any other inline element would make it trim the spaces around it, so
 * "a <big>big</big> deal" read as "abigdeal": those are read as `<span>` instead.
 */
const LEXICAL_INLINES = new Set([
  'A',
  'ABBR',
  'ACRONYM',
  'B',
  'BR',
  'CITE',
  'CODE',
  'DEL',
  'EM',
  'I',
  'INS',
  'KBD',
  'LABEL',
  'OUTPUT',
  'Q',
  'RUBY',
  'S',
  'SAMP',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'TT',
  'VAR'
])

/** Old inline elements whose meaning a review keeps, read as the element that carries it. */
const RENAMED_INLINES: Record<string, string> = { STRIKE: 's' }

/** Whether a browser lays `el` out as a block by default. */
export function isBlockElement(el: Element): boolean {
  return BLOCK_DISPLAY.has(el.tagName.toUpperCase())
}

/** Whether a browser lays an element of this (upper-case) tag out as a block by default. */
export function isBlockTag(tag: string): boolean {
  return BLOCK_DISPLAY.has(tag)
}

/** Whether the page never shows `el` (the `hidden` attribute, or an inline `display: none`). */
export function isHiddenElement(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true
  const style = el.getAttribute('style')
  return style !== null && /(?:^|;)\s*display\s*:\s*none\b/i.test(style)
}

/**
 * Renames `el` so that Lexical lays it out as a browser would: unknown and presentational inline
 * elements (`<big>`, `<font>`, `<blink>`, `<foo>`) become spans, `<strike>` becomes `<s>`, and
 * block elements Lexical does not know (`<center>`, `<tr>`, `<details>`) become divs. Returns
 * the element now in its place.
 */
export function asDisplayedElement(el: Element, tag = el.tagName.toUpperCase()): Element {
  if (LEXICAL_INLINES.has(tag) || LEXICAL_BLOCKS.has(tag)) return el
  const name = RENAMED_INLINES[tag] ?? (BLOCK_DISPLAY.has(tag) ? 'div' : 'span')
  const renamed = el.ownerDocument.createElement(name)
  for (const attr of el.getAttributeNames()) renamed.setAttribute(attr, el.getAttribute(attr) ?? '')
  while (el.firstChild) renamed.appendChild(el.firstChild)
  el.replaceWith(renamed)
  return renamed
}

/** Whether `el` is a quote, which holds one run of text: its paragraphs must become lines. */
export function isQuoteElement(el: Element): boolean {
  if (el.tagName.toUpperCase() === 'BLOCKQUOTE') return true
  // Read as a string: this runs for every element, and most have no class at all.
  const classes = el.getAttribute('class')
  return (
    classes !== null &&
    classes.includes(PULL_QUOTE_CLASS) &&
    (el.classList.contains(PULL_QUOTE_CLASS) || el.classList.contains('wp-block-pullquote'))
  )
}

/** Whether `el` puts nothing on the page: no text but spaces, no line break or rule. */
export function showsNothing(el: Element): boolean {
  const stack: Node[] = [el]
  while (stack.length > 0) {
    const node = stack.pop()!
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        if (/[^ \t\n\r\f]/.test(child.textContent ?? '')) return false
      } else if (child.nodeType === ELEMENT_NODE) {
        const tag = (child as Element).tagName.toUpperCase()
        if (tag === 'BR' || tag === 'HR') return false
        stack.push(child)
      }
    }
  }
  return true
}

const TEXT_NODE = 3
const ELEMENT_NODE = 1

/**
 * A quote's paragraphs, its `<cite>` after them and any other blocks inside it, as lines of one
 * run of text: Lexical's quote holds no blocks and would glue "….A Critic" together, where a
 * browser shows the cite on a line of its own.
 */
export function blocksAsLines(quote: Element): void {
  const doc = quote.ownerDocument
  const out: Node[] = []
  let hasText = false
  let breakDue = false
  for (const child of Array.from(quote.childNodes)) {
    if (
      child.nodeType === ELEMENT_NODE &&
      isBlockElement(child as Element) &&
      !isQuoteElement(child as Element)
    ) {
      blocksAsLines(child as Element)
      breakDue ||= hasText
      const inner = Array.from(child.childNodes)
      if (inner.some(shows)) {
        if (breakDue) out.push(doc.createElement('br'))
        out.push(...inner)
        hasText = true
        breakDue = true
      }
      continue
    }
    if (child.nodeType === ELEMENT_NODE && isQuoteElement(child as Element)) blocksAsLines(child as Element)
    if (shows(child)) {
      if (breakDue) out.push(doc.createElement('br'))
      breakDue = false
      hasText = true
    }
    out.push(child)
  }
  quote.replaceChildren(...out)
}

/** Whether a node puts anything on the page: text other than spaces, or an element. */
function shows(node: Node): boolean {
  if (node.nodeType === TEXT_NODE) return (node.textContent ?? '').trim() !== ''
  return node.nodeType === ELEMENT_NODE && (node as Element).tagName.toUpperCase() !== 'BR'
}
