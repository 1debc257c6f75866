import type { Db } from '../../src/main/core/db/connection'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'
import { importFile } from '../../src/main/core/archive/import/importFile'
import { runJob, type Job } from '../../src/main/core/archive/jobs/runJob'
import type { ImportFormat } from '../../src/shared/contract/archive'
import type { ImportLimits } from '../../src/main/core/archive/files/limits'

/** Every table's rows (without the internal rowid), sorted, for "exactly the same journal" checks. */
export function snapshot(db: Db): Record<string, unknown[]> {
  const tables = [
    'works',
    'tags',
    'reviews',
    'review_tags',
    'review_revisions',
    'screenings',
    'screening_tags',
    'responses'
  ]
  const out: Record<string, unknown[]> = {}
  for (const table of tables) {
    const rows = db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]
    out[table] = rows
      .map(({ rid: _rid, ...rest }) => rest)
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
  }
  return out
}

const doc = (text: string) => JSON.stringify(plainTextToLexical(text))

/**
 * A small journal with one of everything an archive must carry: films with every field, tags,
 * reviews in each status (one in the trash, one from the sample), revisions, screenings with
 * tags and a linked review, and a reply thread three levels deep with the critic's own reply.
 */
export function seedJournal(db: Db): void {
  db.transaction(() => {
    const w = db.prepare(
      `INSERT INTO works (id, title, original_title, year, directors, runtime_minutes, letterboxd_uri, tmdb_id, imdb_id, source_key, is_sample, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`
    )
    w.run(
      'w-her',
      'Her',
      null,
      2013,
      '["Spike Jonze"]',
      126,
      'https://letterboxd.com/film/her',
      '152601',
      'tt1798709',
      null,
      0,
      '2020-01-01T10:00:00.000Z',
      '2020-01-02T10:00:00.000Z'
    )
    w.run(
      'w-amelie',
      'Amélie',
      'Le Fabuleux Destin d’Amélie Poulain',
      2001,
      '["Jean-Pierre Jeunet"]',
      null,
      null,
      null,
      null,
      'letterboxd:film:amelie',
      1,
      '2020-01-01T10:00:00.000Z',
      '2020-01-01T10:00:00.000Z'
    )
    db.prepare(
      `INSERT INTO tags (id, name) VALUES ('t-1', 'romance'), ('t-2', 'Festival 2021'), ('t-3', 'rewatch')`
    ).run()
    const r = db.prepare(
      `INSERT INTO reviews (id, work_id, title, body, body_text, word_count, rating, status, has_spoilers, responses_closed, outlet, published_url, published_at, target_words, slug, source_key, is_sample, created_at, updated_at, deleted_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`
    )
    r.run(
      'r-her',
      'w-her',
      'Her, and the voice in the room',
      doc('A film about loneliness.\n\nAnd about "voices" — with commas, quotes.'),
      'A film about loneliness.\n\nAnd about "voices" — with commas, quotes.',
      10,
      4.5,
      'published',
      1,
      1,
      'The Blog',
      'https://example.org/her',
      '2014-01-10T09:00:00.000Z',
      1200,
      'her',
      'wxr:blog:post:12',
      0,
      '2014-01-05T09:00:00.000Z',
      '2014-01-10T09:00:00.000Z',
      null
    )
    r.run(
      'r-amelie',
      'w-amelie',
      'Amélie again',
      doc('Still charming.'),
      'Still charming.',
      2,
      3,
      'draft',
      0,
      0,
      null,
      null,
      null,
      null,
      null,
      null,
      1,
      '2021-03-01T09:00:00.000Z',
      '2021-03-02T09:00:00.000Z',
      null
    )
    r.run(
      'r-trash',
      null,
      'Thrown away',
      doc('Not worth keeping.'),
      'Not worth keeping.',
      3,
      null,
      'ready',
      0,
      0,
      null,
      null,
      null,
      null,
      null,
      null,
      0,
      '2021-04-01T09:00:00.000Z',
      '2021-04-02T09:00:00.000Z',
      '2021-04-03T09:00:00.000Z'
    )
    db.prepare(
      `INSERT INTO review_tags (review_id, tag_id) VALUES ('r-her', 't-1'), ('r-amelie', 't-3')`
    ).run()
    const v = db.prepare(
      `INSERT INTO review_revisions (id, review_id, title, body, body_text, word_count, reason, label, created_at) VALUES (?,?,?,?,?,?,?,?,?)`
    )
    v.run('v-1', 'r-her', 'Her', doc('A film.'), 'A film.', 2, 'edit', null, '2014-01-06T09:00:00.000Z')
    v.run(
      'v-2',
      'r-her',
      'Her, and the voice',
      doc('A film about loneliness.'),
      'A film about loneliness.',
      4,
      'publish',
      'As published',
      '2014-01-10T09:00:00.000Z'
    )
    const s = db.prepare(
      `INSERT INTO screenings (id, work_id, watched_on, watched_time, venue, format, format_detail, companions, rewatch, walked_out, rating, notes, embargo_until, review_id, source_key, is_sample, created_at, updated_at, deleted_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`
    )
    s.run(
      's-1',
      'w-her',
      '2014-01-04',
      '19:30',
      'Curzon Soho',
      'press',
      '35mm',
      '["Ana","Ben"]',
      0,
      0,
      4.5,
      'Press show, full house.',
      '2014-01-09',
      'r-her',
      null,
      0,
      '2014-01-04T22:00:00.000Z',
      '2014-01-04T22:00:00.000Z',
      null
    )
    s.run(
      's-2',
      'w-amelie',
      '2021-02-28',
      null,
      null,
      'home-media',
      null,
      '[]',
      1,
      0,
      null,
      '',
      null,
      null,
      'letterboxd:diary:amelie:2021-02-28',
      1,
      '2021-02-28T22:00:00.000Z',
      '2021-02-28T22:00:00.000Z',
      null
    )
    db.prepare(
      `INSERT INTO screening_tags (screening_id, tag_id) VALUES ('s-1', 't-2'), ('s-2', 't-3')`
    ).run()
    const p = db.prepare(
      `INSERT INTO responses (id, review_id, parent_id, author_name, author_email, author_url, body, received_at, status, is_own_reply, starred, source_key, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`
    )
    p.run(
      'p-1',
      'r-her',
      null,
      'Jo & "Friends"',
      'jo@example.org',
      'https://jo.example',
      'Lovely piece <3',
      '2014-01-11T10:00:00.000Z',
      'read',
      0,
      1,
      'wxr:blog:comment:1',
      '2014-01-11T10:00:00.000Z',
      '2014-01-11T10:00:00.000Z'
    )
    p.run(
      'p-2',
      'r-her',
      'p-1',
      'The Critic',
      null,
      null,
      'Thank you!',
      '2014-01-11T12:00:00.000Z',
      'replied',
      1,
      0,
      null,
      '2014-01-11T12:00:00.000Z',
      '2014-01-11T12:00:00.000Z'
    )
    p.run(
      'p-3',
      'r-her',
      'p-2',
      'Jo & "Friends"',
      null,
      null,
      'Welcome.\nSecond line.',
      '2014-01-12T10:00:00.000Z',
      'new',
      0,
      0,
      null,
      '2014-01-12T10:00:00.000Z',
      '2014-01-12T10:00:00.000Z'
    )
    p.run(
      'p-4',
      'r-her',
      null,
      'Spammer',
      null,
      null,
      'Buy now',
      '2014-01-13T10:00:00.000Z',
      'spam',
      0,
      0,
      null,
      '2014-01-13T10:00:00.000Z',
      '2014-01-13T10:00:00.000Z'
    )
  })()
}

/** Imports in this process on the test's own connection (the worker path is tested separately). */
export function importHere(
  db: Db,
  dataDir: string,
  path: string,
  options: {
    format?: ImportFormat | 'auto'
    dryRun?: boolean
    limits?: ImportLimits
    signal?: AbortSignal
  } = {}
) {
  return importFile(db, path, {
    format: options.format ?? 'auto',
    dryRun: options.dryRun ?? false,
    dataDir,
    signal: options.signal ?? new AbortController().signal,
    progress: () => {},
    limits: options.limits
  })
}

/** Exports in this process on the test's own connection. */
export async function exportHere(
  db: Db,
  format: Extract<Job, { kind: 'export' }>['format'],
  outPath: string
) {
  const result = await runJob(
    db,
    { kind: 'export', format, outPath, appVersion: 'test' },
    new AbortController().signal,
    () => {}
  )
  if (result.kind !== 'export') throw new Error('not an export')
  return result.summary
}
