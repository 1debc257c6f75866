const BLOCKS = new Set([
  'P',
  'DIV',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'ARTICLE',
  'SECTION',
  'TR',
  'UL',
  'OL',
  'TABLE'
])

/**
 * Plain text from pasted HTML (a comment copied from a web page), with one blank line between
 * paragraphs and a line break for each <br>. Browsers' own text/plain for such a copy often
 * joins paragraphs with a single line break, losing them.
 */
export function textFromPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  const parts: string[] = []
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push((node.textContent ?? '').replace(/\s+/g, ' '))
      return
    }
    if (!(node instanceof Element)) return
    if (node.tagName === 'BR') {
      parts.push('\n')
      return
    }
    if (node.tagName === 'SCRIPT' || node.tagName === 'STYLE') return
    const block = BLOCKS.has(node.tagName)
    if (block) parts.push('\n\n')
    node.childNodes.forEach(walk)
    if (block) parts.push('\n\n')
  }
  walk(doc.body)
  return parts
    .join('')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
