import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { existsSync, readdirSync } from 'node:fs'
import { openTestJournal, tempDir } from '../support/journal'
import { exportHere, importHere, seedJournal, snapshot } from './archive.support'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'

describe('journal archive', () => {
  it('exports and imports into an empty journal exactly, ids included', async () => {
    const source = await openTestJournal()
    seedJournal(source.db)
    const file = join(tempDir(), 'journal.rjarchive')
    const summary = await exportHere(source.db, 'archive', file)
    expect(summary.counts).toMatchObject({
      review: 3,
      revision: 2,
      response: 4,
      screening: 2,
      work: 2,
      tag: 3
    })
    expect(existsSync(`${file}.partial`)).toBe(false)

    const target = await openTestJournal()
    const { report } = await importHere(target.db, target.dataDir, file)
    expect(report.format).toBe('archive')
    expect(report.problems).toEqual([])
    expect(report.counts.review.created).toBe(3)
    expect(report.counts.revision.created).toBe(2)
    expect(report.counts.response.created).toBe(4)
    expect(snapshot(target.db)).toEqual(snapshot(source.db))
  })

  it('copies each body as stored, even one kept over several lines, and no title is taken for one', async () => {
    const source = await openTestJournal()
    const doc = plainTextToLexical('Kept word for word: "body":null, and more.')
    const review = await source.call('reviews.create', { title: 'The "body":null review', body: doc })
    source.db.prepare('UPDATE reviews SET body = ? WHERE id = ?').run(JSON.stringify(doc, null, 2), review.id)
    const file = join(tempDir(), 'journal.rjarchive')
    await exportHere(source.db, 'archive', file)
    const target = await openTestJournal()
    await importHere(target.db, target.dataDir, file)
    const copied = await target.call('reviews.get', { id: review.id })
    expect({ title: copied.title, body: copied.body }).toEqual({ title: 'The "body":null review', body: doc })
  })

  it('merges by id: a newer copy wins, an older one changes nothing, nothing is deleted', async () => {
    const source = await openTestJournal()
    seedJournal(source.db)
    const file = join(tempDir(), 'journal.rjarchive')
    await exportHere(source.db, 'archive', file)

    const target = await openTestJournal()
    seedJournal(target.db)
    target.db
      .prepare(
        `UPDATE reviews SET title = 'Edited later', updated_at = '2030-01-01T00:00:00.000Z' WHERE id = 'r-her'`
      )
      .run()
    target.db
      .prepare(
        `UPDATE reviews SET title = 'Older here', updated_at = '2000-01-01T00:00:00.000Z' WHERE id = 'r-amelie'`
      )
      .run()
    target.db
      .prepare(
        `INSERT INTO reviews (id, title, body, created_at, updated_at) VALUES ('r-only-here', 'Mine', '{"root":{"type":"root","children":[]}}', '2022-01-01', '2022-01-01')`
      )
      .run()
    const { report } = await importHere(target.db, target.dataDir, file)
    const title = (id: string) =>
      (target.db.prepare('SELECT title FROM reviews WHERE id = ?').get(id) as { title: string }).title
    expect(title('r-her')).toBe('Edited later')
    expect(title('r-amelie')).toBe('Amélie again')
    expect(title('r-only-here')).toBe('Mine')
    expect(report.counts.review).toMatchObject({ created: 0, updated: 1, skipped: 2 })
  })

  it('imports the same archive twice without changing anything the second time', async () => {
    const source = await openTestJournal()
    seedJournal(source.db)
    const file = join(tempDir(), 'journal.rjarchive')
    await exportHere(source.db, 'archive', file)
    const target = await openTestJournal()
    await importHere(target.db, target.dataDir, file)
    const before = snapshot(target.db)
    const { report } = await importHere(target.db, target.dataDir, file)
    expect(snapshot(target.db)).toEqual(before)
    for (const type of ['work', 'review', 'revision', 'screening', 'response'] as const) {
      expect(report.counts[type].created + report.counts[type].updated).toBe(0)
    }
  })

  it('previews exactly what an import would do and changes nothing', async () => {
    const source = await openTestJournal()
    seedJournal(source.db)
    const file = join(tempDir(), 'journal.rjarchive')
    await exportHere(source.db, 'archive', file)
    const target = await openTestJournal()
    const empty = snapshot(target.db)
    const preview = await importHere(target.db, target.dataDir, file, { dryRun: true })
    expect(snapshot(target.db)).toEqual(empty)
    expect(preview.report.backupFile).toBeNull()
    const real = await importHere(target.db, target.dataDir, file)
    expect(real.report.counts).toEqual(preview.report.counts)
  })

  it('takes a backup before a real import', async () => {
    const source = await openTestJournal()
    seedJournal(source.db)
    const file = join(tempDir(), 'journal.rjarchive')
    await exportHere(source.db, 'archive', file)
    const target = await openTestJournal()
    const { report } = await importHere(target.db, target.dataDir, file)
    expect(report.backupFile).toMatch(/^before-import-.*\.sqlite$/)
    expect(readdirSync(join(target.dataDir, 'backups'))).toContain(report.backupFile)
  })
})
