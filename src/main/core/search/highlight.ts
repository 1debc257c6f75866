import type { SnippetPart } from '../../../shared/contract/search'
import type { SearchTerm } from './query'

/** Words shown around the best place in a text. */
export const WINDOW = 16
/** Words of context kept before the first hit of the window. */
const LEAD = 3

/** A word as the index keeps it: accents removed, lower case. */
export function fold(word: string): string {
  // Most words are plain ASCII, which only needs its case folded.
  if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase()
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}

/** Where the words of a text start and end, and which match each belongs to (-1: none). */
interface Tokens {
  start: number[]
  end: number[]
  match: number[]
}

/** Whether each ASCII character is part of a word (letters and digits). */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) =>
  /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0
)
/** A character of a word as the index's unicode61 tokenizer cuts one. */
const WORD_CHAR = /^[\p{L}\p{N}\p{M}\p{Co}]$/u
const nonAsciiWordChar = new Map<number, boolean>()

/** The length of the code point at `i` when it belongs to a word (as unicode61 reads it), else 0. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (c < 128) return ASCII_WORD[c]
  const point = text.codePointAt(i)!
  let isWord = nonAsciiWordChar.get(point)
  if (isWord === undefined)
    nonAsciiWordChar.set(point, (isWord = WORD_CHAR.test(String.fromCodePoint(point))))
  return isWord ? (point > 0xffff ? 2 : 1) : 0
}

/**
 * The first `max` words of `text` (all of them when max is Infinity), going on from `tokens`:
 * runs of word characters, found a character at a time (three times faster than a regular
 * expression, and a snippet of a long review reads hundreds of words to reach its place).
 */
function tokenize(text: string, max = Infinity, tokens: Tokens = { start: [], end: [], match: [] }): Tokens {
  const length = text.length
  let i = tokens.end.at(-1) ?? 0
  while (tokens.start.length < max && i < length) {
    let step = wordCharAt(text, i)
    while (step === 0 && i < length) {
      // Not a word: skip the whole code point (a surrogate pair is one).
      i += text.codePointAt(i)! > 0xffff ? 2 : 1
      if (i < length) step = wordCharAt(text, i)
    }
    if (i >= length) break
    const start = i
    while (step > 0) {
      i += step
      step = i < length ? wordCharAt(text, i) : 0
    }
    tokens.start.push(start)
    tokens.end.push(i)
    tokens.match.push(-1)
  }
  return tokens
}

/**
 * Marks the matches starting in [from, to) (a phrase may run on past `to`), the way the index
 * matches them (folded; prefix; phrase), leaving tokens already marked as they are. Returns how
 * many matches it made.
 */
function markMatches(
  text: string,
  tokens: Tokens,
  terms: SearchTerm[],
  from = 0,
  to = tokens.start.length,
  firstId = 0
): number {
  const folded = terms.map((t) => ({ words: t.words.map(fold), prefix: t.prefix }))
  const words: string[] = []
  const word = (i: number) => (words[i] ??= fold(text.slice(tokens.start[i], tokens.end[i])))
  // A word whose first letter is ASCII folds to that letter in lower case: when no term starts
  // with it, the word cannot match and is not folded at all.
  const firstLetters = new Set(folded.map((t) => t.words[0]?.charCodeAt(0)))
  const mayReject = !folded.some((t) => t.words.some((w) => w === ''))
  let matches = 0
  for (let i = from; i < to; i++) {
    if (tokens.match[i] >= 0) continue
    const first = text.charCodeAt(tokens.start[i])
    if (mayReject && first < 128 && !firstLetters.has(first | (first >= 65 && first <= 90 ? 32 : 0))) continue
    for (const term of folded) {
      const n = term.words.length
      if (i + n > tokens.start.length) continue
      let ok = true
      for (let k = 0; k < n && ok; k++) {
        const last = k === n - 1
        ok = last && term.prefix ? word(i + k).startsWith(term.words[k]) : word(i + k) === term.words[k]
      }
      if (ok) {
        for (let k = 0; k < n; k++) tokens.match[i + k] = firstId + matches
        matches++
        break
      }
    }
  }
  return matches
}

/**
 * The first token of the window of WINDOW words holding the most matched tokens (the earliest
 * such window), given the matched tokens' positions in ascending order.
 */
export function densestStart(positions: number[]): number {
  let best = 0
  let bestHits = 0
  let from = 0
  for (let k = 0; k < positions.length; k++) {
    while (positions[from] <= positions[k] - WINDOW) from++
    const hits = k - from + 1
    if (hits > bestHits) {
      bestHits = hits
      best = positions[from]
    }
  }
  return best
}

/** The tokens from which the snippet shows WINDOW words: a few before `first`, never short at the end. */
export function windowFrom(first: number, totalTokens: number): number {
  return Math.max(0, Math.min(first - LEAD, totalTokens - WINDOW))
}

/**
 * Cuts the snippet shown for tokens [from, from + WINDOW) of `text`. `tokens` holds at least
 * those and, when the text goes on past them, the one after (to place the closing "…").
 */
function cut(text: string, tokens: Tokens, from: number): SnippetPart[] {
  const count = tokens.start.length
  const to = Math.min(count, from + WINDOW)
  const parts: SnippetPart[] = []
  const push = (s: string, hit: boolean) => {
    if (!s) return
    const prev = parts.at(-1)
    if (prev && prev.hit === hit) prev.text += s
    else parts.push({ text: s, hit })
  }
  if (from > 0) push('…', false)
  let at = from === 0 ? 0 : tokens.start[from]
  for (let i = from; i < to; i++) {
    const match = tokens.match[i]
    const joinsPhrase = i > from && match >= 0 && tokens.match[i - 1] === match
    push(text.slice(at, tokens.start[i]), joinsPhrase)
    push(text.slice(tokens.start[i], tokens.end[i]), match >= 0)
    at = tokens.end[i]
  }
  if (to < count) push(text.slice(at, tokens.start[to]).trimEnd() + '…', false)
  else push(text.slice(at), false)
  return parts.map((p) => ({ text: p.text.replace(/\s+/g, ' '), hit: p.hit }))
}

/**
 * A snippet of `text` around the place with the most matched words, as pieces flagged as hits
 * (a phrase is one piece), found by reading every word of the text. Search cuts the snippets
 * of long texts from the index's own positions instead (`highlightAt`); this serves short texts
 * and the rare case the index cannot answer. Returns null when nothing in the text matches.
 */
export function highlight(text: string, terms: SearchTerm[]): SnippetPart[] | null {
  return highlightIn(text, tokenize(text), terms)
}

function highlightIn(text: string, tokens: Tokens, terms: SearchTerm[]): SnippetPart[] | null {
  if (!markMatches(text, tokens, terms)) return null
  const positions = tokens.match.flatMap((m, i) => (m >= 0 ? [i] : []))
  return cut(text, tokens, windowFrom(densestStart(positions), tokens.start.length))
}

/** How many words into a text the snippet for common words looks first. */
const OPENING = 64

/**
 * The snippet for words too common to read from the index ("the", "film"): they are nearly
 * always in a text's first lines, so the text is read from its start only until a stretch
 * holds one of them (the stretch doubling each time), and the snippet is the densest place in
 * that stretch. Returns null when the whole text holds none of them.
 */
export function highlightOpening(text: string, terms: SearchTerm[]): SnippetPart[] | null {
  const tokens: Tokens = { start: [], end: [], match: [] }
  let found = 0
  let read = 0
  for (let stretch = OPENING; !found; stretch *= 2) {
    // The stretch, and room for a window placed at its last word.
    tokenize(text, stretch + WINDOW + 1, tokens)
    if (tokens.start.length <= stretch + WINDOW) {
      found += markMatches(text, tokens, terms, read, tokens.start.length, found)
      if (!found) return null
      read = tokens.start.length
      break
    }
    found += markMatches(text, tokens, terms, read, stretch, found)
    read = stretch
  }
  const positions = tokens.match.flatMap((m, i) => (m >= 0 ? [i] : []))
  const from = windowFrom(densestStart(positions), tokens.start.length)
  // Words past the stretch that fall in the window are marked too.
  markMatches(text, tokens, terms, read, Math.min(from + WINDOW, tokens.start.length), found)
  return cut(text, tokens, from)
}

/** A matched token known from the index: where it is, which match it belongs to, what it must read. */
export interface IndexedToken {
  position: number
  match: number
  /** The folded word (or, with `prefix`, the start of it) the token must read. */
  word: string
  prefix: boolean
}

/**
 * The same snippet as `highlight`, with the matched tokens' positions taken from the full-text
 * index rather than found by folding every word: only the words up to the end of the window are
 * cut out, and nothing is folded but the words shown. `common` terms, whose places were too
 * many to read from the index, are marked where they fall in the window. Returns null when the
 * text does not read as the index says (the caller then reads it whole).
 */
export function highlightAt(
  text: string,
  matched: IndexedToken[],
  common: SearchTerm[] = []
): SnippetPart[] | null {
  if (!matched.length) return null
  const first = densestStart(matched.map((t) => t.position))
  // Enough words to know whether the text runs on past the window placed at `first`.
  const tokens = tokenize(text, first + WINDOW + 1)
  if (tokens.start.length <= first) return null
  const from = windowFrom(first, tokens.start.length)
  const to = Math.min(from + WINDOW, tokens.start.length)
  for (const t of matched) {
    if (t.position < from || t.position >= to) continue
    const word = fold(text.slice(tokens.start[t.position], tokens.end[t.position]))
    if (t.prefix ? !word.startsWith(t.word) : word !== t.word) return null
    tokens.match[t.position] = t.match
  }
  if (common.length) markMatches(text, tokens, common, from, to, Math.max(...matched.map((t) => t.match)) + 1)
  return cut(text, tokens, from)
}

/** The snippet from the first of `texts` (in order of preference) that holds a match. */
export function bestSnippet(texts: (string | null)[], terms: SearchTerm[], skipFirst = false): SnippetPart[] {
  for (const [i, text] of texts.entries()) {
    if (skipFirst && i === 0) continue
    const parts = text ? highlight(text, terms) : null
    if (parts) return parts
  }
  const first = texts.find((t) => t?.trim())
  return first ? [{ text: first.trim().split(/\s+/).slice(0, WINDOW).join(' ') + '…', hit: false }] : []
}
