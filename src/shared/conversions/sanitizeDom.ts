// The conversions work on a DOM in both hosts (the browser's, or linkedom in the core).
/// <reference lib="dom" />
import { PULL_QUOTE_CLASS } from './nodes/PullQuoteNode'
import { SPOILER_CLASS } from './nodes/SpoilerNode'
import {
  asDisplayedElement,
  blocksAsLines,
  isBlockTag,
  isHiddenElement,
  isQuoteElement,
  showsNothing
} from './displayTree'

/** Elements removed with everything inside them: code, media, embeds, forms, metadata. */
const DROPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'FRAME',
  'FRAMESET',
  'OBJECT',
  'EMBED',
  'APPLET',
  'IMG',
  'PICTURE',
  'SOURCE',
  'VIDEO',
  'AUDIO',
  'TRACK',
  'CANVAS',
  'SVG',
  'MATH',
  'FORM',
  'INPUT',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'OPTION',
  'LINK',
  'META',
  'BASE',
  'HEAD',
  'TITLE',
  'MAP',
  'AREA',
  'DIALOG',
  'RP',
  'DATALIST',
  'NOEMBED',
  'NOFRAMES'
])

/**
 * What the critic is told was left out on purpose, by element. Styles, metadata and the like
 * are left out unmentioned: a reader never saw them.
 */
const REPORTED: Record<string, string> = {
  SCRIPT: 'script',
  IFRAME: 'embedded frame',
  FRAME: 'embedded frame',
  FRAMESET: 'embedded frame',
  OBJECT: 'embedded object',
  EMBED: 'embedded object',
  APPLET: 'embedded object',
  IMG: 'image',
  PICTURE: 'image',
  VIDEO: 'video',
  AUDIO: 'audio',
  CANVAS: 'drawing',
  SVG: 'drawing',
  MATH: 'formula',
  FORM: 'form',
  INPUT: 'form field',
  BUTTON: 'button',
  SELECT: 'form field',
  TEXTAREA: 'form field',
  DIALOG: 'dialog',
  MAP: 'image map'
}

/** Left-out elements whose own text a page shows (a script's or a frame's fallback it never does). */
const SHOWS_TEXT = new Set(['BUTTON', 'SELECT', 'TEXTAREA', 'MATH', 'SVG', 'FORM'])

/** A piece of the HTML left out on purpose: what it was, and the text it held (often none). */
export interface DroppedPart {
  what: string
  text: string
}

/** Classes that carry meaning into the journal; every other attribute and class goes. */
const KEPT_CLASSES = new Set([SPOILER_CLASS, PULL_QUOTE_CLASS, 'wp-block-pullquote'])

const COMMENT_NODE = 8
const ELEMENT_NODE = 1

/**
 * Strips foreign markup from pasted or imported HTML before Lexical reads it, working only with
 * standard DOM calls so a browser's DOMParser and linkedom give the same result. Inline styles
 * that mean bold, italic, underline or strikethrough (word processors and Google Docs use them)
 * become the matching elements; every other style, attribute and handler is removed. Elements
 * are renamed so Lexical spaces them as a browser shows them (see `displayTree.ts`), hidden
 * ones go, and a quote's paragraphs become its lines. Returns what was left out that a reader
 * could have seen or missed (a script, an embed, an image).
 */
export function sanitizeHtmlTree(root: Element): DroppedPart[] {
  const dropped: DroppedPart[] = []
  const quotes: Element[] = []
  const blocks: Element[] = []
  for (const found of Array.from(root.querySelectorAll('*'))) {
    if (!found.isConnected && found !== root) continue
    const tag = found.tagName.toUpperCase()
    if (DROPPED.has(tag) || (tag.includes(':') && tag !== 'O:P') || isHiddenElement(found)) {
      const what = REPORTED[tag]
      const shown = SHOWS_TEXT.has(tag) ? (found.textContent ?? '').replace(/\s+/g, ' ').trim() : ''
      if (what && !isHiddenElement(found)) dropped.push({ what, text: shown })
      found.remove()
      continue
    }
    translateStyle(found)
    stripAttributes(found)
    const el = asDisplayedElement(found, tag)
    if (isQuoteElement(el)) quotes.push(el)
    if (isBlockTag(tag) && tag !== 'HR') blocks.push(el)
  }
  // A block with no text (a table's blank cell, a spacer, a gallery item whose image went) shows
  // nothing; Lexical would make an empty line of it.
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]
    if (block.isConnected && block !== root && showsNothing(block)) block.remove()
  }
  for (const quote of quotes) if (quote.isConnected) blocksAsLines(quote)
  removeComments(root)
  return dropped
}

function translateStyle(el: Element): void {
  const style = parseStyle(el.getAttribute('style'))
  if (style.size === 0) return
  const tag = el.tagName.toUpperCase()
  const weight = style.get('font-weight')
  // Google Docs wraps a whole paste in <b style="font-weight:normal">: that is not bold.
  if ((tag === 'B' || tag === 'STRONG') && weight !== undefined && !isBoldWeight(weight)) {
    replaceWithSpan(el)
    return
  }
  const wrappers: string[] = []
  if (weight !== undefined && isBoldWeight(weight) && tag !== 'B' && tag !== 'STRONG' && !/^H\d$/.test(tag))
    wrappers.push('strong')
  if (style.get('font-style') === 'italic' && tag !== 'I' && tag !== 'EM') wrappers.push('em')
  const decoration = `${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`
  if (decoration.includes('underline') && tag !== 'U' && tag !== 'A') wrappers.push('u')
  if (decoration.includes('line-through') && tag !== 'S' && tag !== 'DEL' && tag !== 'STRIKE')
    wrappers.push('s')
  for (const name of wrappers) {
    const wrapper = el.ownerDocument.createElement(name)
    while (el.firstChild) wrapper.appendChild(el.firstChild)
    el.appendChild(wrapper)
  }
}

function parseStyle(value: string | null): Map<string, string> {
  const out = new Map<string, string>()
  if (!value) return out
  for (const rule of value.split(';')) {
    const at = rule.indexOf(':')
    if (at > 0)
      out.set(
        rule.slice(0, at).trim().toLowerCase(),
        rule
          .slice(at + 1)
          .trim()
          .toLowerCase()
      )
  }
  return out
}

function isBoldWeight(weight: string): boolean {
  return weight === 'bold' || weight === 'bolder' || Number(weight) >= 600
}

function replaceWithSpan(el: Element): void {
  const span = el.ownerDocument.createElement('span')
  while (el.firstChild) span.appendChild(el.firstChild)
  el.replaceWith(span)
}

function stripAttributes(el: Element): void {
  const tag = el.tagName.toUpperCase()
  for (const name of el.getAttributeNames()) {
    const lower = name.toLowerCase()
    if (lower === 'style') {
      // Spaces laid out on purpose (a verse, our own export) stay as written; no other style does.
      const whiteSpace = parseStyle(el.getAttribute('style')).get('white-space')
      if (whiteSpace?.startsWith('pre')) {
        el.setAttribute('style', `white-space: ${whiteSpace === 'pre-line' ? 'pre-line' : 'pre-wrap'}`)
        continue
      }
    }
    if (lower === 'href' && tag === 'A') continue
    if (lower === 'start' && tag === 'OL') continue
    if (lower === 'class') {
      const kept = Array.from(el.classList).filter((c) => KEPT_CLASSES.has(c))
      if (kept.length > 0) {
        el.setAttribute('class', kept.join(' '))
        continue
      }
    }
    el.removeAttribute(name)
  }
}

function removeComments(root: Node): void {
  const stack: Node[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    for (let child = node.firstChild; child; ) {
      const next = child.nextSibling
      if (child.nodeType === COMMENT_NODE) child.parentNode?.removeChild(child)
      else if (child.nodeType === ELEMENT_NODE) stack.push(child)
      child = next
    }
  }
}
