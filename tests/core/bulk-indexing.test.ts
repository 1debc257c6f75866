import { describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'
import { join } from 'node:path'
import { openTestJournal, tempDir, type TestJournal } from '../support/journal'
import { importHere, snapshot } from './archive.support'

/** A Letterboxd reviews file of `rows` reviews of 100 films, each review with its own marker word. */
function longReviewsFile(rows: number): string {
  const lines = ['Date,Name,Year,Letterboxd URI,Rating,Review,Watched Date,Tags']
  for (let i = 1; i <= rows; i++) {
    const film = i % 100
    lines.push(
      `2024-01-01,Film ${film},${1950 + film},https://boxd.it/v${i},4,Notes on marker${i} and light,2024-01-01,tag${i % 7}`
    )
  }
  const path = join(tempDir(), 'reviews.csv')
  writeFileSync(path, lines.join('\n'))
  return path
}

const triggers = (journal: TestJournal) =>
  journal.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all()

/** Hits of one kind for whole words (a trailing space: no prefix matching of the last word). */
const hitIds = async (journal: TestJournal, text: string, kind: string) =>
  (await journal.call('search.query', { text: `${text} `, kinds: [kind as 'review'] })).groups.flatMap((g) =>
    g.hits.map((h) => h.id)
  )

describe('indexing an import once, at its end', () => {
  it('finds every imported row afterwards, and keeps indexing row by row from then on', async () => {
    const journal = await openTestJournal()
    const existing = await journal.call('reviews.create', { title: 'Written before the import, marker0' })
    const before = triggers(journal)
    const { report } = await importHere(journal.db, journal.dataDir, longReviewsFile(2500), {
      format: 'letterboxd'
    })
    expect(report.counts.review.created).toBe(2500)
    expect(triggers(journal)).toEqual(before)

    // Rows already there, the first and last rows imported, films' titles and tags all reach
    // the index.
    expect(await hitIds(journal, 'marker0', 'review')).toEqual([existing.id])
    for (const n of [1, 999, 1000, 1001, 1800, 2500])
      expect(await hitIds(journal, `marker${n}`, 'review')).toHaveLength(1)
    expect((await hitIds(journal, '"Film 24"', 'screening')).length).toBeGreaterThan(0)
    expect((await journal.call('search.query', { text: 'tag3 marker2500 ' })).groups).toEqual([])
    expect(await hitIds(journal, 'tag1 marker2500', 'review')).toHaveLength(1)
    expect((await journal.call('app.check')).problems).toEqual([])

    const [id] = await hitIds(journal, 'marker42', 'review')
    await journal.call('reviews.save', { id: id!, title: 'Retitled afterwards' })
    expect(await hitIds(journal, 'retitled', 'review')).toEqual([id])
  })

  it('leaves the journal, its triggers and its index as they were when cancelled halfway', async () => {
    const journal = await openTestJournal()
    const existing = await journal.call('reviews.create', { title: 'Written before the import, marker0' })
    const before = { rows: snapshot(journal.db), triggers: triggers(journal) }
    // Cancelled between records, well into the import (its row triggers gone, inside its
    // transaction).
    const switched = () =>
      journal.db
        .prepare("SELECT count(*) FROM sqlite_master WHERE name = 'reviews_fts_insert'")
        .pluck()
        .get() === 0
    let cancelledAfterSwitch = false
    let asked = 0
    const signal = {
      get aborted() {
        cancelledAfterSwitch ||= ++asked > 1000 && switched()
        return cancelledAfterSwitch
      }
    } as AbortSignal
    await expect(
      importHere(journal.db, journal.dataDir, longReviewsFile(2500), { format: 'letterboxd', signal })
    ).rejects.toThrow(/cancelled/)
    expect(cancelledAfterSwitch).toBe(true)
    expect({ rows: snapshot(journal.db), triggers: triggers(journal) }).toEqual(before)
    expect(await hitIds(journal, 'marker0', 'review')).toEqual([existing.id])
    await journal.call('reviews.save', { id: existing.id, title: 'Retitled after the cancel' })
    expect(await hitIds(journal, 'retitled', 'review')).toEqual([existing.id])
  })

  it('leaves the journal and its triggers as they were after a preview', async () => {
    const journal = await openTestJournal()
    const before = { rows: snapshot(journal.db), triggers: triggers(journal) }
    await importHere(journal.db, journal.dataDir, longReviewsFile(2100), {
      format: 'letterboxd',
      dryRun: true
    })
    expect({ rows: snapshot(journal.db), triggers: triggers(journal) }).toEqual(before)
    expect(await hitIds(journal, 'marker5', 'review')).toEqual([])
  })

  it('re-indexes rows an import changes, and indexes a small import into a large journal', async () => {
    const journal = await openTestJournal()
    const kept = await journal.call('reviews.create', {
      title: 'Oldmarker title',
      body: plainTextToLexical('Oldmarker words.')
    })
    await importHere(journal.db, journal.dataDir, longReviewsFile(300), { format: 'letterboxd' })
    // A newer copy of the same review (our id in its front matter) replaces its text.
    const folder = join(tempDir(), 'notes')
    mkdirSync(folder)
    writeFileSync(
      join(folder, 'kept.md'),
      `---\nid: ${kept.id}\ntitle: Newmarker title\nupdated: 2099-01-01\n---\n\nNewmarker words.\n`
    )
    writeFileSync(join(folder, 'small.md'), '# Smallmarker\n\nOne more review.\n')
    const { report } = await importHere(journal.db, journal.dataDir, folder)
    expect(report.counts.review).toMatchObject({ created: 1, updated: 1 })
    expect(await hitIds(journal, 'oldmarker', 'review')).toEqual([])
    expect(await hitIds(journal, 'newmarker', 'review')).toEqual([kept.id])
    expect(await hitIds(journal, 'smallmarker', 'review')).toHaveLength(1)
    expect(await hitIds(journal, 'marker300', 'review')).toHaveLength(1)
    expect((await journal.call('app.check')).problems).toEqual([])
  })
})
