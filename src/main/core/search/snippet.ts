import type { SnippetPart } from '../../../shared/contract/search'

/** Marks FTS5 puts around matched words: control characters that review text does not hold. */
export const HIT_START = '\u0002'
export const HIT_END = '\u0003'

/**
 * Splits a snippet marked with HIT_START/HIT_END into plain pieces, so that the renderer shows
 * highlights as elements around text and never parses markup from the journal.
 */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = []
  const push = (text: string, hit: boolean) => {
    if (!text) return
    const prev = parts.at(-1)
    if (prev && prev.hit === hit) prev.text += text
    else parts.push({ text, hit })
  }
  for (const [i, chunk] of marked.split(HIT_START).entries()) {
    if (i === 0) {
      push(chunk.replaceAll(HIT_END, ''), false)
      continue
    }
    const end = chunk.indexOf(HIT_END)
    if (end < 0) push(chunk, true)
    else {
      push(chunk.slice(0, end), true)
      push(chunk.slice(end + 1).replaceAll(HIT_END, ''), false)
    }
  }
  return parts.map((p) => ({ text: p.text.replace(/\s+/g, ' '), hit: p.hit }))
}

/** A snippet as one plain line (for the command line). */
export function snippetText(parts: SnippetPart[]): string {
  return parts.map((p) => p.text).join('')
}
