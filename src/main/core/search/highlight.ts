import type { SnippetPart } from '../../../shared/contract/search'
import type { SearchTerm } from './query'

const TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu
/** Words shown around the best place in a text. */
const WINDOW = 16

function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}

interface Token {
  start: number
  end: number
  word: string
  /** Which match the token belongs to (a phrase is one match), or -1. */
  match: number
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const m of text.matchAll(TOKEN))
    tokens.push({ start: m.index, end: m.index + m[0].length, word: fold(m[0]), match: -1 })
  return tokens
}

/** Marks the tokens the terms match, the way the index matches them (folded; prefix; phrase). */
function markMatches(tokens: Token[], terms: SearchTerm[]): number {
  const folded = terms.map((t) => ({ words: t.words.map(fold), prefix: t.prefix }))
  let matches = 0
  for (let i = 0; i < tokens.length; i++) {
    for (const term of folded) {
      const n = term.words.length
      if (i + n > tokens.length) continue
      let ok = true
      for (let k = 0; k < n && ok; k++) {
        const last = k === n - 1
        const word = tokens[i + k].word
        ok = last && term.prefix ? word.startsWith(term.words[k]) : word === term.words[k]
      }
      if (ok) {
        for (let k = 0; k < n; k++) tokens[i + k].match = matches
        matches++
        break
      }
    }
  }
  return matches
}

/**
 * A snippet of `text` around the place with the most matched words, as pieces flagged as hits
 * (a phrase is one piece). Built here rather than by FTS5's snippet(), which has to find the
 * row again through the full-text query and costs more than the ranking on common words.
 * Returns null when nothing in the text matches.
 */
export function highlight(text: string, terms: SearchTerm[]): SnippetPart[] | null {
  const tokens = tokenize(text)
  if (!markMatches(tokens, terms)) return null
  let best = 0
  let bestHits = -1
  let hits = 0
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].match >= 0) hits++
    if (i >= WINDOW && tokens[i - WINDOW].match >= 0) hits--
    if (hits > bestHits) {
      bestHits = hits
      best = Math.max(0, i - WINDOW + 1)
    }
  }
  // Start a few words before the first hit of the window, so it reads in context
  let first = best
  while (first < tokens.length && tokens[first].match < 0) first++
  // (and never leave the window short near the end of the text).
  const from = Math.max(0, Math.min(first - 3, tokens.length - WINDOW))
  const to = Math.min(tokens.length, from + WINDOW)
  const parts: SnippetPart[] = []
  const push = (s: string, hit: boolean) => {
    if (!s) return
    const prev = parts.at(-1)
    if (prev && prev.hit === hit) prev.text += s
    else parts.push({ text: s, hit })
  }
  if (from > 0) push('…', false)
  let at = from === 0 ? 0 : tokens[from].start
  for (let i = from; i < to; i++) {
    const t = tokens[i]
    const joinsPhrase = i > from && t.match >= 0 && tokens[i - 1].match === t.match
    push(text.slice(at, t.start), joinsPhrase)
    push(text.slice(t.start, t.end), t.match >= 0)
    at = t.end
  }
  if (to < tokens.length) push(text.slice(at, tokens[to].start).trimEnd() + '…', false)
  else push(text.slice(at), false)
  return parts.map((p) => ({ text: p.text.replace(/\s+/g, ' '), hit: p.hit }))
}

/** The snippet from the first of `texts` (in order of preference) that holds a match. */
export function bestSnippet(texts: (string | null)[], terms: SearchTerm[]): SnippetPart[] {
  for (const text of texts) {
    const parts = text ? highlight(text, terms) : null
    if (parts) return parts
  }
  const first = texts.find((t) => t?.trim())
  return first ? [{ text: first.trim().split(/\s+/).slice(0, WINDOW).join(' ') + '…', hit: false }] : []
}
