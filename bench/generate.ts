import type { LexicalDoc } from '../src/shared/domain'
import { plainTextToLexical } from '../src/shared/conversions/plainText'

const WORDS = (
  'the film light camera scene frame story actor cut silence music city night love memory time ' +
  'director performance shadow window face voice street morning rain train letter ending dream ' +
  'cinema audience color sound edit moment character wonder grief joy machine heart distance'
).split(' ')

/** A deterministic pseudo-random generator, so every run benches the same data. */
export function rng(seed = 42): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/** Plain prose of about `words` words in paragraphs of ~120 words. */
export function prose(words: number, random = rng()): string {
  const paragraphs: string[] = []
  let left = words
  while (left > 0) {
    const n = Math.min(left, 120)
    const sentence: string[] = []
    for (let i = 0; i < n; i++) sentence.push(WORDS[Math.floor(random() * WORDS.length)])
    paragraphs.push(sentence.join(' ') + '.')
    left -= n
  }
  return paragraphs.join('\n\n')
}

export function proseDoc(words: number, random = rng()): LexicalDoc {
  return plainTextToLexical(prose(words, random))
}
