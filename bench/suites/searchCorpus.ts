import type { Db } from '../../src/main/core/db/connection'
import { rng } from '../generate'

/**
 * A corpus shaped like writing: a Zipf-distributed vocabulary (a handful of words in nearly
 * every text, a long tail in few), so "common word" and "rare word" queries mean what they do
 * in a real journal. Deterministic, and fast enough to write 100,000 long reviews in minutes.
 */
const COMMON =
  'the of and a to in is it that film with as his her this on for but by at from an be was its one not are'.split(
    ' '
  )
const SYLLABLES =
  'ka lo mi ne ru sa ti vo be da fi gu ha je ko lu ma no pe qui ra se to ur ve wa xi yo ze'.split(' ')

function vocabulary(size: number): string[] {
  const words = [...COMMON]
  for (let i = 0; words.length < size; i++) {
    let n = i
    let word = ''
    do {
      word += SYLLABLES[n % SYLLABLES.length]
      n = Math.floor(n / SYLLABLES.length)
    } while (n > 0)
    words.push(word + (i % 7 === 0 ? 'é' : '')) // some accented words, as in film writing
  }
  return words
}

/** A table of 2^20 words drawn by Zipf weight: picking a random slot samples the distribution. */
function samplingTable(words: string[], exponent = 1.05): string[] {
  const weights = words.map((_, r) => 1 / Math.pow(r + 1, exponent))
  const total = weights.reduce((a, b) => a + b, 0)
  const table: string[] = []
  const size = 1 << 20
  words.forEach((word, r) => {
    const copies = Math.max(1, Math.round((weights[r] / total) * size))
    for (let i = 0; i < copies && table.length < size; i++) table.push(word)
  })
  return table
}

export interface Corpus {
  text(words: number): string
}

/**
 * Texts are strung together from 40,000 pre-drawn phrases of 16 words, so writing 80 million
 * words costs string joins, not 80 million draws; word frequencies keep their Zipf shape.
 */
export function corpus(seed = 11, size = 30_000): Corpus {
  const random = rng(seed)
  const table = samplingTable(vocabulary(size))
  const draw = (n: number) => {
    const out = new Array<string>(n)
    for (let i = 0; i < n; i++) out[i] = table[(random() * table.length) | 0]
    return out.join(' ')
  }
  const PHRASE = 16
  const phrases = Array.from({ length: 40_000 }, () => draw(PHRASE))
  return {
    text(words) {
      if (words < PHRASE * 2) return draw(words)
      const parts: string[] = []
      for (let left = words; left > 0; left -= PHRASE) {
        parts.push(left >= PHRASE ? phrases[(random() * phrases.length) | 0] : draw(left))
      }
      return parts.join(' ')
    }
  }
}

const EMPTY_BODY = '{"root":{"type":"root","children":[]}}'

/**
 * Writes `reviews` reviews of about `words` words and `responses` reader responses in one
 * transaction of raw inserts (the index triggers run as in the app). The editor JSON is left
 * minimal: search reads the derived plain text, and this keeps the file to what is measured.
 */
export function seedSearchCorpus(db: Db, reviews: number, responses: number, words = 800): void {
  const text = corpus()
  const at = '2025-01-01T00:00:00.000Z'
  const work = db.prepare(
    'INSERT INTO works (id, title, year, directors, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)'
  )
  const review = db.prepare(
    `INSERT INTO reviews (id, work_id, title, body, body_text, word_count, rating, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const response = db.prepare(
    `INSERT INTO responses (id, review_id, author_name, body, received_at, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'read', ?, ?)`
  )
  const statuses = ['draft', 'ready', 'published']
  db.transaction(() => {
    const films = Math.max(1, Math.floor(reviews / 10))
    for (let i = 0; i < films; i++)
      work.run(`w${i}`, `${text.text(2)} ${i}`, 1920 + (i % 100), JSON.stringify([text.text(2)]), at, at)
    for (let i = 0; i < reviews; i++) {
      const n = words - 100 + ((i * 37) % 200)
      review.run(
        `r${i}`,
        `w${i % films}`,
        text.text(5),
        EMPTY_BODY,
        text.text(n),
        n,
        ((i % 10) + 1) / 2,
        statuses[i % 3],
        at,
        at
      )
    }
    for (let i = 0; i < responses; i++) {
      response.run(`p${i}`, `r${i % reviews}`, `Reader ${i % 500}`, text.text(20 + (i % 60)), at, at, at)
    }
  })()
}
