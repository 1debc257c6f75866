import { decodeHTML, decodeHTMLStrict, escapeText } from 'entities'

/**
 * WordPress keeps names, titles and terms HTML-escaped ("Tom &amp; Jerry") and shows them
 * through a browser, which decodes them once. Decoding once here shows the critic exactly what
 * the page showed; decoding twice would turn a written "&lt;" into "<".
 */
export function decodeOnce(text: string): string {
  return text.includes('&') ? decodeHTMLStrict(text) : text
}

/**
 * A post title as the page shows it: WordPress prints titles as HTML, so "Markup: <em>Title</em>"
 * reads "Markup: Title". Tags are dropped before character references are decoded, so an escaped
 * "&lt;b&gt;" stays the text "<b>".
 */
export function titleText(title: string): string {
  return decodeOnce(title.includes('<') ? title.replace(TAG, '') : title)
    .replace(/\s+/g, ' ')
    .trim()
}

/** The reverse of `decodeOnce`, for writing names and plain text back to WordPress. */
export function escapeOnce(text: string): string {
  return escapeText(text)
}

const BREAK = /<br\s*\/?>/gi
const PARAGRAPH_EDGE = /<\/?(?:p|div|blockquote|h[1-6]|ul|ol|pre|table|tr|figure)\b[^>]*>/gi
const LIST_ITEM = /<li\b[^>]*>/gi
const TAG = /<\/?[a-zA-Z][^>]*>|<!--[\s\S]*?-->/g

/**
 * A comment's HTML as the plain text a reader saw: paragraphs (blank lines or <p>) kept as
 * blank lines, <br> as a line break, other markup dropped, character references decoded once.
 * Comment HTML is WordPress-filtered (a few inline tags), so no DOM is needed — and 50,000
 * comments must not each build one.
 */
export function commentHtmlToText(html: string): string {
  const text = html
    .replace(/\r\n?/g, '\n')
    .replace(BREAK, '\n')
    .replace(PARAGRAPH_EDGE, '\n\n')
    .replace(LIST_ITEM, '\n')
    .replace(TAG, '')
  return decodeHTML(text)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** Plain text as comment HTML WordPress shows the same way (it adds paragraphs at display). */
export function textToCommentHtml(text: string): string {
  return escapeText(text)
}

const BLOCK_START =
  /^<(?:\/|!--|p|div|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|pre|table|thead|tbody|tr|td|th|figure|figcaption|hr|section|article|aside|address|iframe|img\b[^>]*class="[^"]*align)/i

// Block elements around which WordPress's autop starts a new paragraph (its own list).
const AUTOP_BLOCKS =
  'table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary'
const BLOCK_TAG = new RegExp(`<(/?)(?:${AUTOP_BLOCKS})(?=[\\s/>])[^>]*>`, 'gi')

/**
 * WordPress stores classic-editor posts without paragraph tags and adds them when showing the
 * page ("autop"): a blank line starts a paragraph, a single newline is a line break, and block
 * elements stand apart (no line breaks between a table's rows). This does the same, leaving
 * text that already sits in block elements (and Gutenberg's block comments) alone, so the body
 * converts to the paragraphs the reader saw.
 */
export function addParagraphs(html: string): string {
  const normalized = html.replace(/\r\n?/g, '\n').trim()
  if (!normalized.includes('\n')) return BLOCK_START.test(normalized) ? normalized : `<p>${normalized}</p>`
  const out: string[] = []
  const pre: string[] = []
  // Preformatted text keeps its newlines: set it aside while paragraphs are made.
  const protectedHtml = normalized
    .replace(/<pre\b[\s\S]*?<\/pre>/gi, (block) => {
      pre.push(block)
      return `\n\n\u0000${pre.length - 1}\u0000\n\n`
    })
    .replace(BLOCK_TAG, (tag: string, closing: string) => (closing ? `${tag}\n\n` : `\n\n${tag}`))
  for (const chunk of protectedHtml.split(/\n[ \t]*\n+/)) {
    const trimmed = chunk.trim()
    if (!trimmed) continue
    if (BLOCK_START.test(trimmed) || trimmed.startsWith('\u0000')) out.push(trimmed)
    else out.push(`<p>${trimmed.replace(/\n/g, '<br>\n')}</p>`)
  }
  return out.join('\n').replace(/\u0000(\d+)\u0000/g, (_, i: string) => pre[Number(i)])
}
