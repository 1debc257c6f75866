import type { LexicalDoc } from '../domain'
import { PULL_QUOTE_CLASS } from './nodes/PullQuoteNode'
import { SPOILER_CLASS } from './nodes/SpoilerNode'
import { safeLinkUrl } from './urls'

interface JsonNode {
  type?: string
  text?: string
  format?: number | string
  tag?: string
  listType?: string
  start?: number
  url?: string
  children?: JsonNode[]
}

const FORMAT_TAGS: [bit: number, tag: string][] = [
  [1, 'strong'],
  [2, 'em'],
  [8, 'u'],
  [4, 's']
]

/**
 * Serialises a review document as clean HTML (one element per block, text escaped, only safe
 * links). Works from the JSON directly, so it needs no DOM and gives the same string in the
 * browser and in Node. Spoilers become `<span class="spoiler">`, pull quotes
 * `<blockquote class="pullquote">`.
 */
export function lexicalToHtml(doc: LexicalDoc): string {
  return (doc.root.children as JsonNode[]).map(block).join('\n')
}

function block(node: JsonNode): string {
  switch (node.type) {
    case 'heading': {
      const tag = node.tag === 'h3' ? 'h3' : 'h2'
      return `<${tag}${keepSpaces(node.children)}>${inline(node.children)}</${tag}>`
    }
    case 'quote':
      return `<blockquote${keepSpaces(node.children)}>${inline(node.children)}</blockquote>`
    case 'pullquote':
      return `<blockquote class="${PULL_QUOTE_CLASS}"${keepSpaces(node.children)}>${inline(node.children)}</blockquote>`
    case 'list':
      return list(node)
    case 'horizontalrule':
      return '<hr>'
    default: {
      const content = inline(node.children)
      return `<p${keepSpaces(node.children)}>${content === '' ? '<br>' : content}</p>`
    }
  }
}

function list(node: JsonNode): string {
  const tag = node.listType === 'number' ? 'ol' : 'ul'
  const start =
    tag === 'ol' && typeof node.start === 'number' && node.start !== 1 ? ` start="${node.start}"` : ''
  const items = (node.children ?? []).map((item) => {
    const kids = item.children ?? []
    const nested = kids
      .filter((k) => k.type === 'list')
      .map(list)
      .join('')
    const own = kids.filter((k) => k.type !== 'list')
    return `<li${keepSpaces(own)}>${inline(own)}${nested}</li>`
  })
  return `<${tag}${start}>${items.join('')}</${tag}>`
}

// Spaces a browser would collapse: at either end of a line, two or more together, or tabs.
const COLLAPSIBLE = /^[ \t]|[ \t]$|[ \t]\n|\n[ \t]|[ \t]{2}|\t/

/**
 * ` style="white-space: pre-wrap"` for a block whose text has spaces a browser would collapse
 * (a verse laid out with spaces, a trailing space), so they show and read back as written.
 */
function keepSpaces(children: JsonNode[] | undefined): string {
  return COLLAPSIBLE.test(plainOf(children)) ? ' style="white-space: pre-wrap"' : ''
}

function plainOf(children: JsonNode[] | undefined): string {
  let out = ''
  for (const child of children ?? []) {
    if (child.type === 'text') out += child.text ?? ''
    else if (child.type === 'linebreak') out += '\n'
    else if (child.type === 'tab') out += '\t'
    else out += plainOf(child.children)
  }
  return out
}

function inline(children: JsonNode[] | undefined): string {
  if (!children) return ''
  let out = ''
  for (const child of children) out += inlineNode(child)
  return out
}

function inlineNode(node: JsonNode): string {
  switch (node.type) {
    case 'text':
      return formatted(escapeHtml(node.text ?? ''), typeof node.format === 'number' ? node.format : 0)
    case 'linebreak':
      return '<br>'
    case 'tab':
      return '\t'
    case 'link':
    case 'autolink': {
      const url = safeLinkUrl(node.url ?? '')
      const content = inline(node.children)
      return url === null ? content : `<a href="${escapeHtml(url)}">${content}</a>`
    }
    case 'spoiler':
      return `<span class="${SPOILER_CLASS}">${inline(node.children)}</span>`
    default:
      return inline(node.children)
  }
}

function formatted(text: string, format: number): string {
  let out = text
  for (const [bit, tag] of FORMAT_TAGS) if (format & bit) out = `<${tag}>${out}</${tag}>`
  return out
}

/** Escapes text for use in HTML content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}
