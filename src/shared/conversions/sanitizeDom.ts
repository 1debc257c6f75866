// The conversions work on a DOM in both hosts (the browser's, or linkedom in the core).
/// <reference lib="dom" />
import { PULL_QUOTE_CLASS } from './nodes/PullQuoteNode'
import { SPOILER_CLASS } from './nodes/SpoilerNode'

/** Elements removed with everything inside them: code, media, embeds, forms, metadata. */
const DROPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED',
  'APPLET', 'IMG', 'PICTURE', 'SOURCE', 'VIDEO', 'AUDIO', 'TRACK', 'CANVAS', 'SVG', 'MATH',
  'FORM', 'INPUT', 'BUTTON', 'SELECT', 'TEXTAREA', 'OPTION', 'LINK', 'META', 'BASE', 'HEAD',
  'TITLE', 'MAP', 'AREA', 'DIALOG', 'FIGCAPTION'
])

/** Classes that carry meaning into the journal; every other attribute and class goes. */
const KEPT_CLASSES = new Set([SPOILER_CLASS, PULL_QUOTE_CLASS, 'wp-block-pullquote'])

const COMMENT_NODE = 8
const ELEMENT_NODE = 1

/**
 * Strips foreign markup from pasted or imported HTML before Lexical reads it, working only with
 * standard DOM calls so a browser's DOMParser and linkedom give the same result. Inline styles
 * that mean bold, italic, underline or strikethrough (word processors and Google Docs use them)
 * become the matching elements; every other style, attribute and handler is removed.
 */
export function sanitizeHtmlTree(root: Element): void {
  const elements = Array.from(root.querySelectorAll('*'))
  for (const el of elements) {
    if (!el.isConnected && el !== root) continue
    if (DROPPED.has(el.tagName.toUpperCase()) || el.tagName.includes(':') && el.tagName.toUpperCase() !== 'O:P') {
      el.remove()
      continue
    }
    translateStyle(el)
    stripAttributes(el)
  }
  removeComments(root)
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
  if (weight !== undefined && isBoldWeight(weight) && tag !== 'B' && tag !== 'STRONG' && !/^H\d$/.test(tag)) wrappers.push('strong')
  if (style.get('font-style') === 'italic' && tag !== 'I' && tag !== 'EM') wrappers.push('em')
  const decoration = `${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`
  if (decoration.includes('underline') && tag !== 'U' && tag !== 'A') wrappers.push('u')
  if (decoration.includes('line-through') && tag !== 'S' && tag !== 'DEL' && tag !== 'STRIKE') wrappers.push('s')
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
    if (at > 0) out.set(rule.slice(0, at).trim().toLowerCase(), rule.slice(at + 1).trim().toLowerCase())
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
