import { describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openTestJournal, tempDir } from '../support/journal'
import { importHere, seedJournal, snapshot } from './archive.support'

const DIARY_HEADER = 'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date'

function csv(name: string, content: string | Buffer): string {
  const path = join(tempDir(), name)
  writeFileSync(path, content)
  return path
}

async function seeded() {
  const journal = await openTestJournal()
  seedJournal(journal.db)
  const before = snapshot(journal.db)
  return { journal, unchanged: () => expect(snapshot(journal.db)).toEqual(before) }
}

describe('Letterboxd import refuses bad files with one clear message', () => {
  it('names missing columns', async () => {
    const { journal, unchanged } = await seeded()
    const path = csv('diary.csv', 'Date,Name,Letterboxd URI,Rating\n2024-01-01,Her,https://boxd.it/x,4\n')
    await expect(
      importHere(journal.db, journal.dataDir, path, { format: 'letterboxd' })
    ).rejects.toMatchObject({
      code: 'IMPORT_FAILED',
      message: expect.stringContaining('diary.csv is missing the columns "Year", "Watched Date"') as unknown
    })
    unchanged()
  })

  it('names columns Letterboxd does not write', async () => {
    const { journal, unchanged } = await seeded()
    const path = csv(
      'diary.csv',
      `${DIARY_HEADER},Mood\n2024-01-01,Her,2013,https://boxd.it/x,4,,,2024-01-01,happy\n`
    )
    await expect(importHere(journal.db, journal.dataDir, path)).rejects.toMatchObject({
      message: expect.stringContaining('has column Letterboxd does not write: "Mood"') as unknown
    })
    unchanged()
  })

  it('refuses a CSV that is not from Letterboxd, showing its columns', async () => {
    const { journal, unchanged } = await seeded()
    const path = csv('contacts.csv', 'First,Last,Phone\nAna,B,123\n')
    await expect(
      importHere(journal.db, journal.dataDir, path, { format: 'letterboxd' })
    ).rejects.toMatchObject({
      message: expect.stringContaining(
        'contacts.csv is not a Letterboxd CSV: its columns are "First", "Last", "Phone"'
      ) as unknown
    })
    unchanged()
  })

  it('refuses a quoted field that is never closed (a file cut short)', async () => {
    const { journal, unchanged } = await seeded()
    const path = csv('diary.csv', `${DIARY_HEADER}\n2024-01-01,"Her,2013,https://boxd.it/x,4,,,2024-01-01\n`)
    await expect(importHere(journal.db, journal.dataDir, path)).rejects.toMatchObject({
      message: expect.stringContaining('a quoted field near line 2 is never closed') as unknown
    })
    unchanged()
  })

  it('reports bad rows by line and imports the rest', async () => {
    const journal = await openTestJournal()
    const rows = [
      DIARY_HEADER,
      '2024-01-01,Her,2013,https://boxd.it/a,4,,,2024-01-01',
      '2024-01-02,"Multi',
      'line title",2013,https://boxd.it/b,7,,,2024-01-02',
      '2024-01-03,Aftersun,2022,https://boxd.it/c,4,,,2024-02-30',
      '2024-01-04,Too,Many,Cells,Here,,,,,',
      '2024-01-05,Tár,2022,https://boxd.it/d,3.5,Yes,,2024-01-05'
    ]
    const path = csv('diary.csv', rows.join('\r\n') + '\r\n')
    const { report } = await importHere(journal.db, journal.dataDir, path)
    expect(report.counts.screening.created).toBe(2)
    expect(report.problems).toEqual([
      {
        position: 2,
        what: 'diary.csv line 3',
        message: 'row 2: the rating "7" is not between 0.5 and 5 in half stars'
      },
      {
        position: 3,
        what: 'diary.csv line 5',
        message: 'row 3: the Watched Date "2024-02-30" is not a date (YYYY-MM-DD)'
      },
      { position: 4, what: 'diary.csv line 6', message: 'row 4 has 10 cells where the header has 8' }
    ])
  })

  it('reads UTF-8 with a BOM and UTF-16, and refuses Latin-1 rather than garbling titles', async () => {
    const text = `${DIARY_HEADER}\r\n2024-01-01,Tár,2022,https://boxd.it/a,4,,,2024-01-01\r\n`
    const withBom = await openTestJournal()
    await importHere(
      withBom.db,
      withBom.dataDir,
      csv('diary.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))
    )
    expect(withBom.db.prepare('SELECT title FROM works').pluck().all()).toEqual(['Tár'])
    const utf16 = await openTestJournal()
    await importHere(
      utf16.db,
      utf16.dataDir,
      csv('diary.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))
    )
    expect(utf16.db.prepare('SELECT title FROM works').pluck().all()).toEqual(['Tár'])
    const { journal, unchanged } = await seeded()
    await expect(
      importHere(journal.db, journal.dataDir, csv('diary.csv', Buffer.from(text, 'latin1')))
    ).rejects.toMatchObject({
      message: expect.stringContaining('is not UTF-8 or UTF-16 text') as unknown
    })
    unchanged()
  })

  it('refuses a zip that holds no Letterboxd files', async () => {
    const { journal, unchanged } = await seeded()
    const { buildZip } = await import('../fixtures/archive/zipBuilder')
    const path = csv('other.zip', buildZip([{ name: 'notes/readme.txt', data: Buffer.from('hello') }]))
    await expect(
      importHere(journal.db, journal.dataDir, path, { format: 'letterboxd' })
    ).rejects.toMatchObject({
      message: expect.stringContaining(
        'other.zip is not a Letterboxd export: it has none of diary.csv'
      ) as unknown
    })
    unchanged()
  })
})
