import { describe, expect, it } from 'vitest'
import { countWords } from '../../src/shared/conversions/plainText'

/** The definition the counter must keep: the matches of this pattern. */
const byPattern = (text: string) => text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0

describe('countWords', () => {
  it('counts words the way a reader does', () => {
    expect(countWords('')).toBe(0)
    expect(countWords('  \n ')).toBe(0)
    expect(countWords("Isn't it a well-made, 2-hour film?")).toBe(6)
    expect(countWords('L’Atalante — Vigo, 1934')).toBe(3)
    expect(countWords('a--b -c d- it’’s')).toBe(6)
    expect(countWords('Ça tourne. 東京物語 ½ ² 𝐀𝐁 🎬')).toBe(6)
  })

  it('agrees with the pattern on generated text', () => {
    const alphabet = [
      'a',
      'Z',
      '7',
      "'",
      '’',
      '-',
      ' ',
      '\n',
      '.',
      'é',
      'e\u0301',
      '東',
      '²',
      '𝐀',
      '🎬',
      '\u200b',
      'ß',
      '٣'
    ]
    let seed = 42
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let n = 0; n < 2000; n++) {
      let text = ''
      const length = Math.floor(random() * 40)
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)]
      expect(countWords(text), JSON.stringify(text)).toBe(byPattern(text))
    }
  })
})
