import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import type { Db } from '../../src/main/core/db/connection'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'
import { openTestJournal, tempDir } from '../support/journal'
import { exportHere, importHere, seedJournal } from './archive.support'
import { csvCell, splitCsv } from '../../src/main/core/archive/formats/letterboxd/csvWriter'

function readFolder(dir: string): Record<string, string>[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => parse(readFileSync(join(dir, f), 'utf8'), { columns: true }) as Record<string, string>[])
}

function diary(db: Db) {
  return db
    .prepare(
      `SELECT w.title, w.year, s.watched_on, s.rewatch, s.rating, r.body_text AS review,
         (SELECT group_concat(t.name, '|') FROM (SELECT t.name FROM screening_tags x JOIN tags t ON t.id = x.tag_id WHERE x.screening_id = s.id ORDER BY t.name) t) AS tags
       FROM screenings s JOIN works w ON w.id = s.work_id LEFT JOIN reviews r ON r.id = s.review_id
       WHERE s.deleted_at IS NULL ORDER BY s.watched_on`
    )
    .all()
}

describe('Letterboxd export', () => {
  it('writes screenings with their reviews, tags and rewatches in Letterboxd’s import format', async () => {
    const journal = await openTestJournal()
    seedJournal(journal.db)
    const out = join(tempDir(), 'letterboxd')
    const summary = await exportHere(journal.db, 'letterboxd', out)
    expect(summary).toMatchObject({ format: 'letterboxd', files: 1, counts: { screening: 2, review: 2 } })
    const text = readFileSync(join(out, 'letterboxd-diary.csv'), 'utf8')
    expect(text.split('\r\n')[0]).toBe(
      'Title,Year,Rating,WatchedDate,Rewatch,Tags,Review,LetterboxdURI,tmdbID,imdbID,Directors'
    )
    const rows = readFolder(out)
    expect(rows).toEqual([
      expect.objectContaining({
        Title: 'Her',
        Year: '2013',
        Rating: '4.5',
        WatchedDate: '2014-01-04',
        Rewatch: 'false',
        Tags: 'Festival 2021, romance',
        LetterboxdURI: 'https://letterboxd.com/film/her',
        tmdbID: '152601',
        Directors: 'Spike Jonze'
      }),
      expect.objectContaining({
        Title: 'Amélie',
        WatchedDate: '2021-02-28',
        Rewatch: 'true',
        Tags: 'rewatch',
        Review: ''
      }),
      // The review of Amélie has no screening: it goes out as a row without a date.
      expect.objectContaining({
        Title: 'Amélie',
        WatchedDate: '',
        Rating: '3',
        Tags: 'rewatch',
        Review: 'Still charming.'
      })
    ])
    expect(rows[0].Review).toBe('A film about loneliness.\n\nAnd about "voices" — with commas, quotes.')
  })

  it('exports a reviewed film without a screening as a row without a date', async () => {
    const journal = await openTestJournal()
    journal.db
      .prepare(
        `INSERT INTO works (id, title, year, created_at, updated_at) VALUES ('w1', 'Stalker', 1979, 'x', 'x')`
      )
      .run()
    journal.db
      .prepare(
        `INSERT INTO reviews (id, work_id, title, body, body_text, rating, status, created_at, updated_at) VALUES ('r1', 'w1', 'Zone', ?, 'x', 5, 'draft', 'x', 'x')`
      )
      .run(JSON.stringify(plainTextToLexical('The zone.')))
    const out = join(tempDir(), 'lb.zip')
    await exportHere(journal.db, 'letterboxd', out)
    expect(statSync(out).size).toBeGreaterThan(0)
    const fresh = await openTestJournal()
    await importHere(fresh.db, fresh.dataDir, out, { format: 'letterboxd' })
    expect(fresh.db.prepare('SELECT title, rating, body_text FROM reviews').all()).toEqual([
      { title: 'Stalker', rating: 5, body_text: 'The zone.' }
    ])
  })

  it('imports back into an empty journal as the same diary', async () => {
    const journal = await openTestJournal()
    seedJournal(journal.db)
    const out = join(tempDir(), 'letterboxd')
    await exportHere(journal.db, 'letterboxd', out)
    const fresh = await openTestJournal()
    const { report } = await importHere(fresh.db, fresh.dataDir, join(out, 'letterboxd-diary.csv'))
    expect(report.problems).toEqual([])
    // Letterboxd keeps one set of tags per diary entry: the screening's and its review's join.
    const withUnionTags = diary(journal.db).map((r) =>
      (r as { title: string }).title === 'Her' ? { ...(r as object), tags: 'Festival 2021|romance' } : r
    )
    expect(diary(fresh.db)).toEqual(withUnionTags)
    const again = await importHere(fresh.db, fresh.dataDir, join(out, 'letterboxd-diary.csv'))
    expect(again.report.counts.screening).toMatchObject({ created: 0, updated: 0 })
  })

  it('guards cells that a spreadsheet would run as formulas, and reads them back unchanged', async () => {
    for (const bad of ['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '\tTab', '\rCR'])
      expect(csvCell(bad).replace(/^"/, '')).toMatch(/^'/)
    expect(csvCell('Plain, with comma')).toBe('"Plain, with comma"')
    const journal = await openTestJournal()
    journal.db
      .prepare(
        `INSERT INTO works (id, title, year, created_at, updated_at) VALUES ('w1', '=cmd|'' /C calc''!A0', 2001, 'x', 'x')`
      )
      .run()
    journal.db
      .prepare(
        `INSERT INTO screenings (id, work_id, watched_on, created_at, updated_at) VALUES ('s1', 'w1', '2024-01-01', 'x', 'x')`
      )
      .run()
    const out = join(tempDir(), 'lb')
    await exportHere(journal.db, 'letterboxd', out)
    const text = readFileSync(join(out, 'letterboxd-diary.csv'), 'utf8')
    expect(text).toContain(`'=cmd|' /C calc'!A0`)
    const fresh = await openTestJournal()
    await importHere(fresh.db, fresh.dataDir, join(out, 'letterboxd-diary.csv'))
    expect(fresh.db.prepare('SELECT title FROM works').pluck().all()).toEqual([`=cmd|' /C calc'!A0`])
  })

  it('splits a large diary into files under 1 MB, each with the header, losing no row', async () => {
    const journal = await openTestJournal()
    const long = 'A long review paragraph, written with care. '.repeat(60)
    journal.db.transaction(() => {
      const work = journal.db.prepare(
        `INSERT INTO works (id, title, year, created_at, updated_at) VALUES (?, ?, 2000, 'x', 'x')`
      )
      const review = journal.db.prepare(
        `INSERT INTO reviews (id, work_id, title, body, body_text, status, created_at, updated_at) VALUES (?, ?, 't', ?, 'x', 'published', 'x', 'x')`
      )
      const screening = journal.db.prepare(
        `INSERT INTO screenings (id, work_id, watched_on, review_id, created_at, updated_at) VALUES (?, ?, '2024-01-01', ?, 'x', 'x')`
      )
      for (let i = 0; i < 1200; i++) {
        work.run(`w${i}`, `Film ${i}`)
        review.run(`r${i}`, `w${i}`, JSON.stringify(plainTextToLexical(`${i}: ${long}`)))
        screening.run(`s${i}`, `w${i}`, `r${i}`)
      }
    })()
    const out = join(tempDir(), 'big')
    const summary = await exportHere(journal.db, 'letterboxd', out)
    const files = readdirSync(out)
    expect(files.length).toBeGreaterThan(1)
    expect(summary.files).toBe(files.length)
    for (const f of files) {
      expect(statSync(join(out, f)).size).toBeLessThan(1_000_000)
      expect(readFileSync(join(out, f), 'utf8').startsWith('Title,Year,')).toBe(true)
    }
    expect(new Set(readFolder(out).map((r) => r.Title)).size).toBe(1200)
  })

  it('refuses one row too large for any file instead of writing a file Letterboxd rejects', () => {
    const result = splitCsv('H\r\n', [{ line: 'x'.repeat(50), label: 'Big (2000)' }], 40)
    expect(result.tooLarge).toBe('Big (2000)')
  })
})
