import { describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openTestJournal, tempDir } from '../support/journal'
import { importHere, snapshot } from './archive.support'

/** A folder of three notes, the middle one titled `title`. */
function notes(title: string): string {
  const dir = join(tempDir(), 'notes')
  mkdirSync(dir)
  writeFileSync(join(dir, 'a.md'), '# Before\n\nThe first note.\n')
  writeFileSync(join(dir, 'b.md'), `# ${title}\n\nThe second note.\n`)
  writeFileSync(join(dir, 'c.md'), '# After\n\nThe third note.\n')
  return dir
}

// Imports write every record straight into the import's transaction, with no savepoint per
// record. A store refusing a row (here a trigger standing in for any constraint that validation
// does not foresee) must still leave either the whole record or none of it.
describe('a row the journal refuses during an import', () => {
  it('is reported as a problem, and the rest is imported', async () => {
    const journal = await openTestJournal()
    journal.db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON reviews WHEN new.title = 'Refused'
      BEGIN SELECT RAISE(ABORT, 'refused by the journal'); END`)
    const { report } = await importHere(journal.db, journal.dataDir, notes('Refused'))
    expect(report.problems).toEqual([
      { position: 2, what: 'review “Refused”', message: 'refused by the journal' }
    ])
    expect(report.counts.review.created).toBe(2)
    const titles = journal.db.prepare('SELECT title FROM reviews ORDER BY title').pluck().all()
    expect(titles).toEqual(['After', 'Before'])
    // Each imported review has its one "import" revision, and the refused one left nothing.
    expect(journal.db.prepare('SELECT count(*) FROM review_revisions').pluck().get()).toBe(2)
    expect(journal.db.prepare("SELECT count(*) FROM change_log WHERE kind = 'reviews'").pluck().get()).toBe(2)
  })

  it('refused after part of its record was written, the whole import is undone with one message', async () => {
    const journal = await openTestJournal()
    journal.db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON review_revisions WHEN new.title = 'Half'
      BEGIN SELECT RAISE(ABORT, 'refused by the journal'); END`)
    const before = snapshot(journal.db)
    await expect(importHere(journal.db, journal.dataDir, notes('Half'))).rejects.toThrow(
      'review “Half” (#2) could only be partly written (refused by the journal); nothing was imported.'
    )
    expect(snapshot(journal.db)).toEqual(before)
    expect(journal.db.inTransaction).toBe(false)
  })
})
