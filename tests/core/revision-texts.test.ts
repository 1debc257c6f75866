import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { mkdirSync, writeFileSync } from 'node:fs'
import { openTestJournal, tempDir, type TestJournal } from '../support/journal'
import { exportHere, importHere } from './archive.support'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'
import { syncWithFolder } from '../../src/main/core/sync'

const IMPORTED = 'The zone is patient, and the room grants wishes.'

/** One Markdown note imported: a review from another tool, whose first revision records the import. */
async function importedReview(journal: TestJournal): Promise<{ id: string; revisionId: string }> {
  const folder = join(tempDir(), 'notes')
  mkdirSync(folder)
  writeFileSync(join(folder, 'stalker.md'), `---\ntitle: Stalker\n---\n\n${IMPORTED}\n`)
  await importHere(journal.db, journal.dataDir, folder)
  const [review] = await journal.call('reviews.list', {})
  const [revision] = await journal.call('reviews.revisions', { id: review.id })
  return { id: review.id, revisionId: revision.id }
}

/** The snapshot's own columns, as stored. */
function storedRevision(journal: TestJournal, id: string) {
  return journal.db.prepare('SELECT body, body_text FROM review_revisions WHERE id = ?').get(id) as {
    body: string
    body_text: string
  }
}

describe("an import's first revision shares its review's text", () => {
  it('keeps no second copy, yet reads, exports and syncs as the imported text', async () => {
    const journal = await openTestJournal()
    const { id, revisionId } = await importedReview(journal)
    expect(storedRevision(journal, revisionId)).toEqual({ body: 'null', body_text: '' })

    const revision = await journal.call('reviews.revision', { revisionId })
    expect(revision).toMatchObject({ reason: 'import', text: IMPORTED })

    // An archive of the journal carries the text, and brings it back whole elsewhere.
    const archive = join(tempDir(), 'journal.rjarchive')
    await exportHere(journal.db, 'archive', archive)
    const other = await openTestJournal()
    await importHere(other.db, other.dataDir, archive)
    expect(await other.call('reviews.revision', { revisionId })).toMatchObject({ text: IMPORTED })

    // So does sync: the second journal holds the snapshot's text as its own copy.
    const folder = tempDir()
    await syncWithFolder(journal.db, { folder })
    const joined = await openTestJournal()
    await syncWithFolder(joined.db, { folder })
    expect(await joined.call('reviews.revision', { revisionId })).toMatchObject({ text: IMPORTED })
    expect(JSON.parse(storedRevision(joined, revisionId).body)).toMatchObject({ root: { type: 'root' } })
    expect((await joined.call('reviews.get', { id })).text).toBe(IMPORTED)
  })

  it('gets its own copy before the review is edited, so History still shows what was imported', async () => {
    const journal = await openTestJournal()
    const { id, revisionId } = await importedReview(journal)
    await journal.call('reviews.save', { id, body: plainTextToLexical('Rewritten from the first word.') })

    expect(storedRevision(journal, revisionId).body_text).toBe(IMPORTED)
    expect(await journal.call('reviews.revision', { revisionId })).toMatchObject({ text: IMPORTED })
    expect((await journal.call('reviews.get', { id })).text).toBe('Rewritten from the first word.')

    // Restoring the import brings its text back.
    await journal.call('reviews.restoreRevision', { revisionId })
    expect((await journal.call('reviews.get', { id })).text).toBe(IMPORTED)
  })
})
