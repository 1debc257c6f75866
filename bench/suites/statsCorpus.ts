import type { Db } from '../../src/main/core/db/connection'
import { rng } from '../generate'

const DIRECTORS = [
  'Agnès Varda',
  'Wong Kar-wai',
  'Chantal Akerman',
  'Yasujirō Ozu',
  'Claire Denis',
  'Abbas Kiarostami',
  'Kelly Reichardt',
  'Jacques Tati'
]

/**
 * Reviews of the benched films (`bench-work-*` from `seedScreenings`), written over twenty
 * years with word counts and ratings, and directors on every film, so that every statistic
 * has data. Raw inserts in one transaction; shared by the core and browser benches.
 */
export function seedStatsReviews(db: Db, count: number): void {
  const random = rng(21)
  const films = db.prepare('SELECT id FROM works').pluck().all() as string[]
  const setDirectors = db.prepare('UPDATE works SET directors = ? WHERE id = ?')
  const review = db.prepare(
    `INSERT INTO reviews (id, work_id, title, body, body_text, word_count, rating, status, created_at, updated_at)
     VALUES (?, ?, ?, '{"root":{"type":"root","children":[]}}', 'A review.', ?, ?, ?, ?, ?)`
  )
  const statuses = ['draft', 'ready', 'published']
  db.transaction(() => {
    films.forEach((id, i) => setDirectors.run(JSON.stringify([DIRECTORS[i % DIRECTORS.length]]), id))
    for (let i = 0; i < count; i++) {
      const at = new Date(Date.UTC(2006, 0, 1) + Math.floor(random() * 20 * 365) * 86_400_000).toISOString()
      const rating = random() < 0.8 ? Math.ceil(random() * 10) / 2 : null
      review.run(
        `bench-r-${i}`,
        films[i % films.length],
        `Review ${i}`,
        200 + Math.floor(random() * 1800),
        rating,
        statuses[i % 3],
        at,
        at
      )
    }
  })()
}
