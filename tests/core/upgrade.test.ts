import { describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/core/db/migrations'
import { byReference } from '../../src/main/core/works/resolve'
import { lexicalToPlainText } from '../../src/shared/conversions/plainText'
import { openTestJournal, tempDir, type TestJournal } from '../support/journal'
import { dataTables, earlierVersions, journalAtVersion } from './upgrade.support'
import { seedJournal, SEEDED } from './upgrade-seed.support'

/** A journal written at `version`, filled, then opened by today's core (which upgrades it). */
async function upgradedFrom(version: number): Promise<{ journal: TestJournal; version: number }> {
  const dataDir = tempDir()
  const old = journalAtVersion(dataDir, version)
  seedJournal(old)
  const empty = dataTables(old).filter(
    (table) => old.prepare(`SELECT count(*) FROM ${table}`).pluck().get() === 0
  )
  old.close()
  // A table the seed does not fill would go unchecked: extend seedJournal for it.
  expect(empty, `tables left empty at version ${version}`).toEqual([])
  return { journal: await openTestJournal(dataDir), version }
}

/** Reads the seeded journal back through the core's own channels and checks every part. */
async function expectReadsBackWhole({
  journal,
  version
}: {
  journal: TestJournal
  version: number
}): Promise<void> {
  const applied = journal.db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all()
  expect(applied).toEqual(MIGRATIONS.map((m) => m.id))

  const { vertigo, mood } = SEEDED.reviews
  const review = await journal.call('reviews.get', { id: vertigo.id })
  expect(review).toMatchObject({
    title: vertigo.title,
    text: vertigo.text,
    wordCount: vertigo.wordCount,
    rating: vertigo.rating,
    status: vertigo.status,
    workTitle: SEEDED.works.vertigo.title,
    outlet: vertigo.outlet,
    publishedUrl: vertigo.publishedUrl,
    hasSpoilers: true,
    targetWords: 800,
    responseCount: 3,
    standfirst: version >= 9 ? vertigo.standfirst : ''
  })
  expect(lexicalToPlainText(review.body)).toBe(vertigo.text)
  expect([...review.tags].sort()).toEqual(vertigo.tags)
  const draft = await journal.call('reviews.get', { id: mood.id })
  expect(draft).toMatchObject({
    title: mood.title,
    text: mood.text,
    wordCount: mood.wordCount,
    rating: null,
    status: 'draft',
    tags: mood.tags
  })
  expect(draft.password).toBe(version >= 9 ? mood.password : null)
  expect((await journal.call('reviews.list')).map((r) => r.id).sort()).toEqual([vertigo.id, mood.id].sort())

  const [revision] = await journal.call('reviews.revisions', { id: vertigo.id })
  expect(revision).toMatchObject({ id: SEEDED.revision.id, reason: 'publish', label: SEEDED.revision.label })
  expect((await journal.call('reviews.revision', { revisionId: revision.id })).text).toBe(
    SEEDED.revision.text
  )

  const works = await journal.call('works.list')
  expect(works.find((w) => w.id === SEEDED.works.vertigo.id)).toMatchObject(SEEDED.works.vertigo)
  expect(works.find((w) => w.id === SEEDED.works.mood.id)).toMatchObject(SEEDED.works.mood)
  if (version >= 6)
    expect(byReference(journal.db, 'id', SEEDED.mergedVertigoId).id).toBe(SEEDED.works.vertigo.id)

  const screening = await journal.call('screenings.get', { id: SEEDED.screenings.vertigo.id })
  expect(screening).toMatchObject({
    ...SEEDED.screenings.vertigo,
    companions: ['Ana'],
    tags: ['70mm'],
    rewatch: true,
    rating: 4.5,
    reviewId: vertigo.id,
    format: 'cinema',
    formatDetail: '70mm'
  })
  const diary = await journal.call('screenings.list', {})
  expect(diary.map((s) => s.id)).toEqual([SEEDED.screenings.vertigo.id, SEEDED.screenings.mood.id])

  const thread = await journal.call('responses.thread', { reviewId: vertigo.id })
  expect(
    thread.items.map((p) => ({
      id: p.id,
      parentId: p.parentId,
      author: p.authorName,
      body: p.body,
      status: p.status,
      own: p.isOwnReply,
      starred: p.starred
    }))
  ).toEqual(SEEDED.responses)
  expect(thread.items.map((p) => p.depth)).toEqual([0, 1, 2])

  expect(await journal.call('settings.get')).toMatchObject(SEEDED.settings)
  if (version >= 11) {
    const { doc, otherDevice, fileRead } = SEEDED.sync
    expect(journal.db.prepare('SELECT doc FROM sync_docs').pluck().all()).toEqual([doc])
    expect(journal.db.prepare('SELECT doc, file FROM sync_outbox').all()).toEqual([{ doc, file: null }])
    expect(journal.db.prepare('SELECT device, name FROM sync_files_read').all()).toEqual([
      { device: otherDevice, name: fileRead }
    ])
  }

  // A word only in a body, in a response, in a screening's notes, and a director's name.
  const found = async (text: string) =>
    (await journal.call('search.query', { text })).groups.flatMap((g) => g.hits.map((h) => h.id))
  expect(await found('sickness')).toEqual([vertigo.id])
  expect(await found('thermos')).toEqual([mood.id])
  expect(await found('nightmare')).toEqual(['p-maya'])
  expect(await found('subtitles')).toEqual([SEEDED.screenings.mood.id])
  expect(await found('hitchcock')).toContain(SEEDED.works.vertigo.id)

  // Statistics count readers' responses: the critic's own reply is not one.
  const stats = await journal.call('stats.overview', {})
  expect(stats.totals).toEqual({
    screenings: 2,
    films: 2,
    reviews: 2,
    words: vertigo.wordCount + mood.wordCount,
    responses: 2
  })
}

describe('a journal made by an earlier version opens whole in this one', () => {
  for (const version of earlierVersions()) {
    it(`upgrades a filled journal from migration ${String(version).padStart(3, '0')}`, async () => {
      await expectReadsBackWhole(await upgradedFrom(version))
    })
  }

  // The check must be able to fail: each of these later migrations loses one part of a journal.
  const LOSSY = {
    'review bodies': "UPDATE reviews SET body_text = ''",
    ratings: 'UPDATE reviews SET rating = NULL',
    tags: 'DELETE FROM review_tags',
    revisions: 'DELETE FROM review_revisions',
    directors: "UPDATE works SET directors = '[]'",
    'film aliases': 'DELETE FROM work_aliases',
    companions: "UPDATE screenings SET companions = '[]'",
    threads: 'UPDATE responses SET parent_id = NULL',
    'own replies': 'UPDATE responses SET is_own_reply = 0',
    settings: 'DELETE FROM settings',
    'the search index': "INSERT INTO reviews_fts (reviews_fts) VALUES ('delete-all')"
  }
  for (const [what, sql] of Object.entries(LOSSY)) {
    it(`notices a migration that loses ${what}`, async () => {
      const version = earlierVersions().at(-1) as number
      MIGRATIONS.push({ id: (MIGRATIONS.at(-1)?.id ?? 0) + 1, name: 'loses-data', sql })
      try {
        await expect(expectReadsBackWhole(await upgradedFrom(version))).rejects.toThrow()
      } finally {
        MIGRATIONS.pop()
      }
    })
  }
})
