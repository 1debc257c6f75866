import { describe, expect, it } from 'vitest'
import { join, resolve } from 'node:path'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { openTestJournal, tempDir } from '../support/journal'
import { exportHere, importHere, seedJournal, snapshot } from './archive.support'
import { reviewToMarkdown } from '../../src/main/core/archive/formats/markdown/document'
import { splitFrontMatter } from '../../src/main/core/archive/formats/markdown/frontMatter'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'

const fixtures = resolve(__dirname, '../fixtures/markdown')

interface Row {
  title: string
  rating: number | null
  status: string
  body_text: string
  work_title: string | null
  work_year: number | null
  created_at: string
  updated_at: string
  tags: string | null
}
function reviews(db: import('better-sqlite3').Database): Row[] {
  return db
    .prepare(
      `SELECT r.title, r.rating, r.status, r.body_text, w.title AS work_title, w.year AS work_year, r.created_at, r.updated_at,
      (SELECT group_concat(t.name, '|') FROM review_tags x JOIN tags t ON t.id = x.tag_id WHERE x.review_id = r.id) AS tags
    FROM reviews r LEFT JOIN works w ON w.id = r.work_id ORDER BY r.title`
    )
    .all() as Row[]
}

describe('Markdown folder import', () => {
  it('reads an Obsidian vault: heading as title, star rating, #tags, film with year; settings folder skipped', async () => {
    const journal = await openTestJournal()
    const { report } = await importHere(journal.db, journal.dataDir, join(fixtures, 'obsidian'))
    expect(report.format).toBe('markdown')
    expect(report.problems).toEqual([])
    const rows = reviews(journal.db)
    expect(rows.map((r) => r.title)).toEqual(['Aftersun', 'Notes from Venice'])
    const aftersun = rows[0]
    expect(aftersun).toMatchObject({
      rating: 4.5,
      status: 'draft',
      work_title: 'Aftersun',
      work_year: 2022,
      created_at: '2022-09-10T00:00:00.000Z'
    })
    expect(aftersun.tags?.split('|').sort()).toEqual(['festival', 'film'])
    expect(aftersun.body_text).toContain('A memory film that aches')
    expect(aftersun.body_text).not.toContain('# Aftersun')
    expect(rows[1].body_text).toBe('Just notes, no front matter and no heading.\n\nSecond paragraph.')
    expect(report.counts.work.created).toBe(1)
  })

  it('reads Joplin "Markdown + Front Matter": title, dates, tag list, status, film map, fraction rating', async () => {
    const journal = await openTestJournal()
    await importHere(journal.db, journal.dataDir, join(fixtures, 'joplin'))
    const [paris] = reviews(journal.db)
    expect(paris).toMatchObject({
      title: 'Paris, Texas',
      status: 'ready',
      rating: 4,
      work_title: 'Paris, Texas',
      work_year: 1984,
      created_at: '2021-05-30T09:00:00.000Z',
      updated_at: '2021-06-01T10:20:30.000Z'
    })
    expect(paris.tags?.split('|').sort()).toEqual(['road movie', 'wim wenders'])
  })

  it('imports the same folder twice without changing anything the second time', async () => {
    const journal = await openTestJournal()
    await importHere(journal.db, journal.dataDir, join(fixtures, 'obsidian'))
    const before = snapshot(journal.db)
    const { report } = await importHere(journal.db, journal.dataDir, join(fixtures, 'obsidian'))
    expect(snapshot(journal.db)).toEqual(before)
    expect(report.counts.review).toMatchObject({
      created: 0,
      updated: 0,
      skipped: 2,
      reasons: { 'already imported': 2 }
    })
  })

  it('treats an edited note as new content (path + content hash) and reports a bad note by its path', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'good.md'), '# Good\n\nFine.')
    writeFileSync(join(dir, 'bad.md'), '---\ntitle: [unclosed\n---\nBody')
    writeFileSync(join(dir, 'odd-rating.md'), '---\nrating: eleven\n---\nBody')
    const journal = await openTestJournal()
    const { report } = await importHere(journal.db, journal.dataDir, dir)
    expect(report.counts.review.created).toBe(2)
    expect(report.problems).toEqual([
      expect.objectContaining({
        position: 1,
        what: 'bad.md',
        message: expect.stringContaining('not valid YAML')
      }),
      expect.objectContaining({
        what: 'odd-rating.md',
        message: expect.stringContaining('imported without a rating')
      })
    ])
  })

  it('reads a zip of notes and a note saved as UTF-16 or with a UTF-8 BOM', async () => {
    const dir = tempDir()
    writeFileSync(
      join(dir, 'bom.md'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Café society\n\nÉtude.')])
    )
    writeFileSync(
      join(dir, 'wide.md'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Wide\n\nUTF-16 text.', 'utf16le')])
    )
    const journal = await openTestJournal()
    await importHere(journal.db, journal.dataDir, dir)
    expect(reviews(journal.db).map((r) => [r.title, r.body_text])).toEqual([
      ['Café society', 'Étude.'],
      ['Wide', 'UTF-16 text.']
    ])
  })

  it('refuses a note in a legacy encoding with one clear message and writes nothing', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'latin1.md'), Buffer.from('# Caf\xe9\n', 'latin1'))
    const journal = await openTestJournal()
    const before = snapshot(journal.db)
    await expect(importHere(journal.db, journal.dataDir, dir)).rejects.toThrow(
      /latin1\.md is not UTF-8 or UTF-16 text/
    )
    expect(snapshot(journal.db)).toEqual(before)
  })
})

describe('Markdown export', () => {
  it('writes one file per live review with front matter and responses, and imports back by id', async () => {
    const source = await openTestJournal()
    seedJournal(source.db)
    const out = join(tempDir(), 'notes')
    const summary = await exportHere(source.db, 'markdown', out)
    expect(summary).toMatchObject({ files: 2, counts: { review: 2 } })
    const files = readdirSync(out).sort()
    expect(files).toEqual([
      expect.stringMatching(/^2014-01-05-her-and-the-voice-in-the-room-.*\.md$/),
      expect.stringMatching(/^2021-03-01-amelie-again-.*\.md$/)
    ])
    const her = readFileSync(join(out, files[0]), 'utf8')
    expect(her).toMatch(
      /^---\nid: "r-her"\ntitle: "Her, and the voice in the room"\nfilm: "Her"\nyear: 2013\n/
    )
    expect(her).toContain('rating: 4.5')
    expect(her).toContain('tags: ["romance"]')
    expect(her).toContain('url: "https://example.org/her"')
    expect(her).toContain('## Responses')
    expect(her).toContain('- **Jo & "Friends"** · 2014-01-11: Lovely piece <3')
    expect(her).toContain('  - **The Critic (critic)** · 2014-01-11: Thank you!')
    expect(her).not.toContain('Buy now')

    // Our ids are UUIDs; the seed's short ids are not, so they come back keyed by path + hash.
    const target = await openTestJournal()
    const { report } = await importHere(target.db, target.dataDir, out)
    expect(report.counts.review.created).toBe(2)
    const back = reviews(target.db).find((r) => r.title === 'Her, and the voice in the room')!
    expect(back).toMatchObject({ rating: 4.5, status: 'published', work_title: 'Her', work_year: 2013 })
    expect(back.body_text).toBe('A film about loneliness.\n\nAnd about "voices" — with commas, quotes.')
  })

  it('merges a re-imported export into its own journal by id', async () => {
    const journal = await openTestJournal()
    const created = await journal.call('reviews.create', { title: 'Round trip' })
    const out = join(tempDir(), 'export.zip')
    await exportHere(journal.db, 'markdown', out)
    const before = snapshot(journal.db)
    const { report } = await importHere(journal.db, journal.dataDir, out)
    expect(report.counts.review).toMatchObject({
      created: 0,
      skipped: 1,
      reasons: { 'already up to date': 1 }
    })
    expect(snapshot(journal.db)).toEqual(before)
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('refuses to write into a folder that already holds files', async () => {
    const journal = await openTestJournal()
    const out = tempDir()
    mkdirSync(join(out, 'keep'))
    await expect(exportHere(journal.db, 'markdown', out)).rejects.toThrow(/already exists and is not empty/)
  })
})

describe('Markdown front matter', () => {
  it('reads back exactly what it wrote, whatever the text holds', () => {
    const hostile = 'Yes: no # "quoted" \\ back\nslash — *bold* [x] - item ? & ! % @ `tick`'
    const text = reviewToMarkdown({
      id: 'r-1',
      title: hostile,
      status: 'draft',
      rating: 3,
      tags: ['null', 'true', '- dash', 'a: b'],
      body: plainTextToLexical('Body.'),
      outlet: null,
      publishedUrl: null,
      publishedAt: null,
      slug: null,
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-02T00:00:00.000Z',
      work: { title: '1984', year: 1984, directors: ['Michael Radford'] },
      responses: []
    })
    expect(splitFrontMatter(text).front).toEqual({
      id: 'r-1',
      title: hostile,
      film: '1984',
      year: 1984,
      directors: ['Michael Radford'],
      rating: 3,
      tags: ['null', 'true', '- dash', 'a: b'],
      status: 'draft',
      created: '2024-01-01T00:00:00.000Z',
      updated: '2024-01-02T00:00:00.000Z'
    })
  })
})
