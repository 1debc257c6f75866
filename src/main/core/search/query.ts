/**
 * Turns what someone typed into an FTS5 query without ever handing their text to FTS5 as
 * syntax. The text is cut into words (runs of letters and digits, as the index's unicode61
 * tokenizer cuts it); every word or quoted phrase is written as an FTS5 string in double
 * quotes, so `AND`, `OR`, `NOT`, `NEAR`, `*`, `:`, `^`, brackets and stray quotes are only text.
 */

export interface SearchTerm {
  words: string[]
  /** Quoted by the user: the words must appear together, in order. */
  phrase: boolean
  /** The last word is still being typed: it matches any word it begins. */
  prefix: boolean
}

const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu
const ENDS_IN_WORD = /[\p{L}\p{N}\p{M}\p{Co}]$/u
/** A prefix of one letter matches most of the index; it waits for a second letter. */
const MIN_PREFIX = 2
/** More words than this add nothing but cost. */
const MAX_TERMS = 32

/** Cuts text into terms: quoted runs become phrases (an unclosed quote runs to the end). */
export function parseSearchText(text: string): SearchTerm[] {
  const normalized = text.normalize('NFC').replace(/[“”„«»]/g, '"')
  const parts = normalized.split('"')
  const terms: SearchTerm[] = []
  parts.forEach((part, i) => {
    const words = part.match(WORD) ?? []
    if (!words.length) return
    if (i % 2 === 1) terms.push({ words, phrase: true, prefix: false })
    else for (const word of words) terms.push({ words: [word], phrase: false, prefix: false })
  })
  const last = terms.at(-1)
  if (last && ENDS_IN_WORD.test(normalized) && (last.words.at(-1)?.length ?? 0) >= MIN_PREFIX) {
    last.prefix = true
  }
  return terms.slice(0, MAX_TERMS)
}

/** The FTS5 MATCH expression for the terms (all must match), or null when there is nothing to find. */
export function toFtsQuery(terms: SearchTerm[]): string | null {
  if (!terms.length) return null
  // Words hold only letters, digits and marks, so no quote can end a string early.
  return terms.map((t) => `"${t.words.join(' ')}"${t.prefix ? ' *' : ''}`).join(' ')
}

/** The words of the terms, for messages such as "No results for …". */
export function termWords(terms: SearchTerm[]): string[] {
  return terms.map((t) => (t.phrase ? `"${t.words.join(' ')}"` : t.words[0]) + (t.prefix ? '…' : ''))
}
