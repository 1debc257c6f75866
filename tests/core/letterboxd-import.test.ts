import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import type { Db } from '../../src/main/core/db/connection'
import { openTestJournal, tempDir } from '../support/journal'
import { importHere, snapshot } from './archive.support'
import { buildZip } from '../fixtures/archive/zipBuilder'

const exportDir = resolve(__dirname, '../fixtures/letterboxd/export')

function screenings(db: Db) {
  return db
    .prepare(
      `SELECT w.title, w.year, s.watched_on, s.rewatch, s.rating, s.source_key, r.title AS review,
         (SELECT group_concat(t.name, '|') FROM screening_tags x JOIN tags t ON t.id = x.tag_id WHERE x.screening_id = s.id) AS tags
       FROM screenings s JOIN works w ON w.id = s.work_id LEFT JOIN reviews r ON r.id = s.review_id ORDER BY s.watched_on`
    )
    .all() as {
    title: string
    year: number
    watched_on: string
    rewatch: number
    rating: number | null
    source_key: string
    review: string | null
    tags: string | null
  }[]
}

function works(db: Db) {
  return db.prepare('SELECT title, year, letterboxd_uri FROM works ORDER BY title').all() as {
    title: string
    year: number
    letterboxd_uri: string | null
  }[]
}

/** The fixture folder as a zip, inside the top folder Letterboxd's own zips have. */
function exportZip(): string {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else files.push(path)
    }
  }
  walk(exportDir)
  const zip = buildZip(
    files.map((f) => ({
      name: `letterboxd-critic-2024-06-10-11-03-utc/${relative(exportDir, f)}`,
      data: readFileSync(f)
    }))
  )
  const path = join(tempDir(), 'letterboxd-critic-2024-06-10-11-03-utc.zip')
  writeFileSync(path, zip)
  return path
}

async function checkFullExport(db: Db) {
  const rows = screenings(db)
  expect(rows.map((r) => [r.title, r.watched_on, r.rewatch, r.rating])).toEqual([
    ['Die Hard', '2023-12-24', 1, 4],
    ['The Good, the Bad and the Ugly', '2024-01-05', 0, 5],
    ['Tár', '2024-02-10', 0, 4.5],
    ['Die Hard', '2024-03-02', 1, 4.5],
    ['The "Wrong" Trousers', '2024-04-01', 0, null],
    ['Paris, Texas', '2024-04-30', 0, 5]
  ])
  expect(rows[1].tags?.split('|').sort()).toEqual(['at home', 'western'])
  // Each review sits on the screening of the same viewing; one review had no diary row.
  expect(rows.map((r) => r.review)).toEqual(['Die Hard', null, 'Tár', null, null, 'Paris, Texas'])
  // Films are keyed by their film address where the export gives one (not by viewing links).
  expect(works(db)).toEqual([
    { title: 'Akira', year: 1988, letterboxd_uri: 'https://boxd.it/2b1i' },
    { title: 'Die Hard', year: 1988, letterboxd_uri: null },
    { title: 'Paris, Texas', year: 1984, letterboxd_uri: null },
    { title: 'The "Wrong" Trousers', year: 1993, letterboxd_uri: null },
    { title: 'The Good, the Bad and the Ugly', year: 1966, letterboxd_uri: 'https://boxd.it/2aF1' },
    { title: 'The Odyssey', year: 2026, letterboxd_uri: 'https://boxd.it/oDy1' },
    { title: 'Tár', year: 2022, letterboxd_uri: 'https://boxd.it/tAr1' }
  ])
}

describe('Letterboxd import', () => {
  it('reads an unpacked export folder: diary to screenings, reviews linked, films by address', async () => {
    const journal = await openTestJournal()
    const { report } = await importHere(journal.db, journal.dataDir, exportDir)
    expect(report.format).toBe('letterboxd')
    expect(report.problems).toEqual([])
    await checkFullExport(journal.db)
    expect(report.counts.screening.created).toBe(6)
    expect(report.counts.review.created).toBe(3)
    expect(report.counts.other.reasons).toEqual({
      'on the watchlist, not watched yet': 1,
      'a rating without a diary date: the film was added, the rating was not': 1
    })
  })

  it('keeps review HTML (italics, bold, line breaks, paragraphs), quotes, commas and emoji', async () => {
    const journal = await openTestJournal()
    await importHere(journal.db, journal.dataDir, exportDir)
    const tar = journal.db
      .prepare(
        `SELECT body, body_text, status, published_url, rating, outlet FROM reviews WHERE title = 'Tár'`
      )
      .get() as Record<string, string>
    expect(tar.body_text).toBe(
      'Tár is a film about power.\nIt lingers.\n\nA second paragraph, with "quotes", commas and a bold claim.'
    )
    expect(tar.body).toContain('"format":2')
    expect(tar.body).toContain('"format":1')
    expect(tar).toMatchObject({
      status: 'published',
      published_url: 'https://boxd.it/bbb222',
      rating: 4.5,
      outlet: 'Letterboxd'
    })
    const dieHard = journal.db.prepare(`SELECT body_text FROM reviews WHERE title = 'Die Hard'`).pluck().get()
    expect(dieHard).toBe('Best Christmas movie ever 👌🎄')
  })

  it('reads the zip Letterboxd sends, ignoring deleted entries and files it does not import', async () => {
    const journal = await openTestJournal()
    const { report } = await importHere(journal.db, journal.dataDir, exportZip())
    expect(report.format).toBe('letterboxd')
    await checkFullExport(journal.db)
    expect(journal.db.prepare(`SELECT count(*) FROM works WHERE title = 'Deleted Film'`).pluck().get()).toBe(
      0
    )
  })

  it('imports the same export twice without changing anything, from the folder or the zip', async () => {
    const journal = await openTestJournal()
    await importHere(journal.db, journal.dataDir, exportDir)
    const before = snapshot(journal.db)
    const again = await importHere(journal.db, journal.dataDir, exportZip())
    expect(snapshot(journal.db)).toEqual(before)
    expect(again.report.counts.screening).toMatchObject({ created: 0, updated: 0, skipped: 6 })
    expect(again.report.counts.work.created).toBe(0)
  })

  it('reads a single diary.csv; a lone reviews.csv still records the viewing of each review', async () => {
    const diaryOnly = await openTestJournal()
    await importHere(diaryOnly.db, diaryOnly.dataDir, join(exportDir, 'diary.csv'))
    expect(screenings(diaryOnly.db)).toHaveLength(5)
    expect(diaryOnly.db.prepare('SELECT count(*) FROM reviews').pluck().get()).toBe(0)
    const reviewsOnly = await openTestJournal()
    const { report } = await importHere(reviewsOnly.db, reviewsOnly.dataDir, join(exportDir, 'reviews.csv'))
    expect(report.counts.review.created).toBe(3)
    expect(screenings(reviewsOnly.db).map((r) => [r.title, r.watched_on, r.rewatch, r.review])).toEqual([
      ['Die Hard', '2023-12-24', 1, 'Die Hard'],
      ['Tár', '2024-02-10', 0, 'Tár'],
      ['Paris, Texas', '2024-04-30', 0, 'Paris, Texas']
    ])
  })

  it('knows a film from a long-form viewing address (older exports)', async () => {
    const dir = tempDir()
    const csv =
      'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n2019-05-01,Her,2013,https://letterboxd.com/critic/film/her/1/,4,,,2019-04-30\n'
    writeFileSync(join(dir, 'diary.csv'), csv)
    const journal = await openTestJournal()
    await importHere(journal.db, journal.dataDir, join(dir, 'diary.csv'))
    expect(works(journal.db)).toEqual([
      { title: 'Her', year: 2013, letterboxd_uri: 'https://letterboxd.com/film/her' }
    ])
  })
})
