import { SCREENING_FORMATS, type LexicalDoc } from '../src/shared/domain'
import type { Db } from '../src/main/core/db/connection'
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

const VENUES = [
  'Film Forum',
  'Metrograph',
  'IFC Center',
  'Home',
  'BFI Southbank',
  'Lincoln Center',
  'Angelika',
  'Cinémathèque'
]
const TAGS = [
  'silent',
  'restoration',
  'noir',
  'festival',
  'documentary',
  'animation',
  'première',
  'repertory'
]

/**
 * 20,000 screenings of 2,000 films over twenty years, a third of them tagged, written with raw
 * inserts in one transaction (the bench measures reading, not logging). Shared with the browser
 * bench so both time the same diary.
 */
export function seedScreenings(db: Db, count = 20_000, films = 2_000): void {
  const random = rng(7)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]
  const work = db.prepare(
    'INSERT INTO works (id, title, year, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'
  )
  const screening = db.prepare(
    `INSERT INTO screenings (id, work_id, watched_on, venue, format, companions, rewatch, rating, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const tag = db.prepare('INSERT INTO tags (id, name) VALUES (?, ?)')
  const link = db.prepare('INSERT INTO screening_tags (screening_id, tag_id) VALUES (?, ?)')
  const at = '2026-01-01T00:00:00.000Z'
  db.transaction(() => {
    for (let i = 0; i < films; i++) work.run(`bench-work-${i}`, `Film number ${i}`, 1920 + (i % 100), at, at)
    TAGS.forEach((name, i) => tag.run(`bench-tag-${i}`, name))
    const seen = new Set<number>()
    for (let i = 0; i < count; i++) {
      const film = Math.floor(random() * films)
      const day = new Date(Date.UTC(2006, 0, 1) + Math.floor(random() * 20 * 365) * 86_400_000)
        .toISOString()
        .slice(0, 10)
      const rating = random() < 0.7 ? Math.ceil(random() * 10) / 2 : null
      screening.run(
        `bench-s-${i}`,
        `bench-work-${film}`,
        day,
        pick(VENUES),
        pick(SCREENING_FORMATS),
        '[]',
        seen.has(film) ? 1 : 0,
        rating,
        'Notes on the screening.',
        at,
        at
      )
      seen.add(film)
      if (i % 3 === 0) link.run(`bench-s-${i}`, `bench-tag-${i % TAGS.length}`)
    }
  })()
}
