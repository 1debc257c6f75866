import type { LexicalDoc } from '../../../../../shared/domain'
import { safeLinkUrl } from '../../../../../shared/conversions/urls'

interface JsonNode {
  type?: string
  text?: string
  format?: number | string
  listType?: string
  url?: string
  children?: JsonNode[]
}

/**
 * A review as Letterboxd's Review column takes it: paragraphs separated by a blank line, and only
 * the markup Letterboxd shows — <b>, <i>, <a href> and <blockquote>. Headings become bold lines,
 * list items their own lines; spoiler marks are dropped (Letterboxd marks a whole review instead).
 */
export function reviewToLetterboxdHtml(doc: LexicalDoc): string {
  return (doc.root.children as JsonNode[])
    .map(block)
    .filter((b) => b.trim() !== '')
    .join('\n\n')
}

function block(node: JsonNode): string {
  switch (node.type) {
    case 'heading':
      return `<b>${inline(node.children)}</b>`
    case 'quote':
    case 'pullquote':
      return `<blockquote>${inline(node.children)}</blockquote>`
    case 'list':
      return list(node, 0)
    case 'horizontalrule':
      return '—'
    default:
      return inline(node.children)
  }
}

function list(node: JsonNode, depth: number): string {
  const numbered = node.listType === 'number'
  return (node.children ?? [])
    .map((item, i) => {
      const kids = item.children ?? []
      const own = `${'  '.repeat(depth)}${numbered ? `${i + 1}.` : '•'} ${inline(kids.filter((k) => k.type !== 'list'))}`
      const nested = kids.filter((k) => k.type === 'list').map((k) => list(k, depth + 1))
      return [own, ...nested].join('\n')
    })
    .join('\n')
}

function inline(children: JsonNode[] | undefined): string {
  let out = ''
  for (const node of children ?? []) {
    if (node.type === 'text')
      out += formatted(escape(node.text ?? ''), typeof node.format === 'number' ? node.format : 0)
    else if (node.type === 'linebreak') out += '\n'
    else if (node.type === 'tab') out += '\t'
    else if (node.type === 'link' || node.type === 'autolink') {
      const url = safeLinkUrl(node.url ?? '')
      const text = inline(node.children)
      out += url ? `<a href="${escape(url).replace(/"/g, '&quot;')}">${text}</a>` : text
    } else out += inline(node.children)
  }
  return out
}

function formatted(text: string, format: number): string {
  let out = text
  if (format & 2) out = `<i>${out}</i>`
  if (format & 1) out = `<b>${out}</b>`
  return out
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
