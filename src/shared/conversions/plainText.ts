import type { LexicalDoc } from '../domain'

/**
 * Plain text of a serialized Lexical document without loading Lexical: block nodes become
 * paragraphs separated by one blank line, list items one per line. Used for search, word counts
 * and exports, so it must be fast on a 20,000-word review.
 */
export function lexicalToPlainText(doc: LexicalDoc): string {
  const blocks: string[] = []
  for (const child of doc.root.children) collectBlock(child as LexNode, blocks)
  return blocks.filter((b) => b.length > 0).join('\n\n')
}

interface LexNode {
  type?: string
  text?: string
  children?: LexNode[]
}

const LIST_TYPES = new Set(['list'])

function collectBlock(node: LexNode, out: string[]): void {
  if (node.type && LIST_TYPES.has(node.type)) {
    out.push((node.children ?? []).map((item) => inlineText(item)).join('\n'))
    return
  }
  if (node.type === 'horizontalrule') return
  out.push(inlineText(node))
}

function inlineText(node: LexNode): string {
  if (typeof node.text === 'string') return node.text
  if (node.type === 'linebreak') return '\n'
  if (node.type === 'tab') return '\t'
  if (!node.children) return ''
  let s = ''
  for (const child of node.children) {
    // Nested lists inside a list item sit on their own lines.
    if (child.type && LIST_TYPES.has(child.type)) s += (s === '' ? '' : '\n') + blockOfList(child)
    else s += inlineText(child)
  }
  return s
}

function blockOfList(list: LexNode): string {
  return (list.children ?? []).map((item) => inlineText(item)).join('\n')
}

/**
 * Words as a reader counts them: runs of letters and digits, joined by an apostrophe or hyphen
 * inside ("isn't", "well-made"): the matches of `[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*` in Unicode
 * mode, counted in one pass without building a list of them, since it runs on every save.
 */
export function countWords(text: string): number {
  let words = 0
  let inWord = false
  const length = text.length
  for (let i = 0; i < length; ) {
    const unit = text.charCodeAt(i)
    const code = unit >= 0xd800 && unit <= 0xdbff ? text.codePointAt(i)! : unit
    i += code > 0xffff ? 2 : 1
    if (isWordChar(code)) {
      if (!inWord) words++
      inWord = true
    } else if (!(inWord && isJoiner(code) && i < length && isWordChar(text.codePointAt(i)!))) {
      inWord = false
    }
  }
  return words
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
/** Whether each character of the Basic Multilingual Plane is a letter or digit: 0 not yet known, 1 yes, 2 no. */
const bmpWordChars = new Uint8Array(0x10000)

function isWordChar(code: number): boolean {
  if (code < 0x80) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122)
  if (code > 0xffff) return LETTER_OR_DIGIT.test(String.fromCodePoint(code))
  if (bmpWordChars[code] === 0) bmpWordChars[code] = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : 2
  return bmpWordChars[code] === 1
}

function isJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 45
}

/** A document holding the given paragraphs of plain text (for samples, imports and tests). */
export function plainTextToLexical(text: string): LexicalDoc {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim())
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: paragraphs.filter(Boolean).map((p) => ({
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        children: [{ type: 'text', version: 1, text: p, format: 0, style: '', mode: 'normal', detail: 0 }]
      }))
    }
  }
}

export const EMPTY_DOC: LexicalDoc = plainTextToLexical('')

/** Characters as a reader counts them (user-perceived: an emoji or accented letter is one). */
export function countCharacters(text: string): number {
  let n = 0
  for (const ch of text) if (ch !== '\n') n++
  return n
}

/** Words per minute of an attentive reader; the usual figure for long-form criticism. */
export const READING_WORDS_PER_MINUTE = 230

/** Whole minutes it takes to read `words` words (at least 1 for any text at all). */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / READING_WORDS_PER_MINUTE))
}
