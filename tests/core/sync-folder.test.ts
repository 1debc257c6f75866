import { describe, expect, it } from 'vitest'
import { cpSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { openTestJournal, tempDir, type TestJournal } from '../support/journal'
import { syncWithFolder } from '../../src/main/core/sync'
import { changeLogEnd, editOfflineOnBoth, journalContents, paragraphs, shownContents } from './sync.support'
import { deleteWork, insertWork, type WorkRow } from '../../src/main/core/stores/works'

async function twoJournals() {
  return { a: await openTestJournal(), b: await openTestJournal(), folder: tempDir('rj-sync-folder-') }
}

const sync = (journal: TestJournal, folder: string) => syncWithFolder(journal.db, { folder })

describe('two journals synced through a shared folder', () => {
  it('merges offline edits of one review word by word, and new and deleted records on both', async () => {
    const { a, b, folder } = await twoJournals()
    const film = await a.call('works.create', { title: 'Stalker', year: 1979 })
    const review = await a.call('reviews.create', { title: 'The Zone', workId: film.id })
    await a.call('reviews.save', {
      id: review.id,
      body: paragraphs(
        'The room grants wishes.',
        'Three men walk through the grass.',
        'The dog follows them home.'
      ),
      tags: ['tarkovsky']
    })
    const screening = await a.call('screenings.log', {
      film: { title: 'Stalker', year: 1979 },
      watchedOn: '2026-03-01',
      venue: 'Prince Charles'
    })
    await a.call('responses.add', {
      reviewId: review.id,
      parentId: null,
      authorName: 'Ana',
      body: 'The long takes!',
      isOwnReply: false
    })
    await sync(a, folder)
    const first = await sync(b, folder)
    expect(first.applied).toMatchObject({ works: 1, reviews: 1, screenings: 1, responses: 1 })
    // What arrived is not taken for an edit made here: the change log is marked as captured
    // past the rows apply wrote, and nothing goes back.
    expect(b.db.prepare("SELECT value FROM sync_meta WHERE key = 'captured_seq'").pluck().get()).toBe(
      String(changeLogEnd(b.db))
    )
    expect([first.captured, first.sent]).toEqual([{}, {}])
    expect((await sync(b, folder)).sent).toEqual({})
    expect((await b.call('reviews.get', { id: review.id })).text).toBe(
      'The room grants wishes.\n\nThree men walk through the grass.\n\nThe dog follows them home.'
    )

    // Offline on both: different paragraphs, and the same one.
    const { onlyA, onlyB } = await editOfflineOnBoth(a, b, review.id, screening.id)

    await sync(a, folder)
    await sync(b, folder)
    await sync(a, folder)

    const text = (await a.call('reviews.get', { id: review.id })).text
    for (const word of ['they say', 'black dog', 'tired', 'wet grass', 'at last'])
      expect(text).toContain(word)
    expect(text).toBe(
      'The room grants wishes, they say.\n\nThree tired men walk through the wet grass.\n\nThe black dog follows them home at last.'
    )
    expect((await a.call('reviews.get', { id: review.id })).title).toBe('The Zone, again')
    expect(journalContents(a.db)).toEqual(journalContents(b.db))
    expect(await shownContents(a)).toEqual(await shownContents(b))
    expect((await b.call('reviews.get', { id: onlyA.id })).title).toBe('Solaris')
    expect((await a.call('reviews.get', { id: onlyB.id })).title).toBe('Mirror')
    expect(a.db.prepare('SELECT count(*) FROM screenings').pluck().get()).toBe(0)
    expect(b.db.prepare('SELECT count(*) FROM responses').pluck().get()).toBe(2)
  })

  it('changes nothing on a repeated sync', async () => {
    const { a, b, folder } = await twoJournals()
    await a.call('reviews.create', { title: 'Once' })
    await b.call('reviews.create', { title: 'Twice' })
    for (const j of [a, b, a, b]) await sync(j, folder)
    const before = { a: changeLogEnd(a.db), b: changeLogEnd(b.db), contents: journalContents(a.db) }
    const again = await sync(a, folder)
    const againB = await sync(b, folder)
    for (const report of [again, againB]) {
      expect(report.applied).toEqual({})
      expect(report.captured).toEqual({})
      expect(report.files.written).toBe(0)
    }
    expect({ a: changeLogEnd(a.db), b: changeLogEnd(b.db), contents: journalContents(b.db) }).toEqual(before)
  })

  it('keeps one text when the journal was copied to another computer before its first sync', async () => {
    const original = tempDir()
    const a = await openTestJournal(original)
    const review = await a.call('reviews.create', { title: 'Copied' })
    await a.call('reviews.save', { id: review.id, body: paragraphs('One shared paragraph.', 'Another one.') })
    // Written long ago: edits made after the copy start new snapshots in its history.
    a.db.prepare("UPDATE review_revisions SET created_at = '2026-01-01T10:00:00.000Z'").run()
    a.close()
    const copy = join(tempDir(), 'copy')
    cpSync(original, copy, { recursive: true })
    const [one, two, folder] = [await openTestJournal(original), await openTestJournal(copy), tempDir()]
    await one.call('reviews.save', {
      id: review.id,
      body: paragraphs('One shared paragraph, here.', 'Another one.')
    })
    await two.call('reviews.save', {
      id: review.id,
      body: paragraphs('One shared paragraph.', 'Another one, there.')
    })
    for (const journal of [one, two, one]) await sync(journal, folder)
    const text = 'One shared paragraph, here.\n\nAnother one, there.'
    expect((await one.call('reviews.get', { id: review.id })).text).toBe(text)
    expect((await two.call('reviews.get', { id: review.id })).text).toBe(text)
    const device = (j: TestJournal) =>
      j.db.prepare("SELECT value FROM sync_meta WHERE key = 'device'").pluck().get()
    expect(device(one)).not.toBe(device(two))
  })

  it('compacts its own files as they pile up, without losing or repeating an edit', async () => {
    const { a, b, folder } = await twoJournals()
    const review = await a.call('reviews.create', { title: 'Diary' })
    const lines: string[] = []
    for (let day = 1; day <= 40; day++) {
      lines.push(`Day ${day}.`)
      await a.call('reviews.save', { id: review.id, body: paragraphs(...lines) })
      await sync(a, folder)
      if (day % 7 === 0) await sync(b, folder)
    }
    await sync(b, folder)
    const device = a.db.prepare("SELECT value FROM sync_meta WHERE key = 'device'").pluck().get() as string
    const files = readdirSync(join(folder, 'devices', device)).filter((name) => name.endsWith('.rjsync'))
    expect(files.length).toBeLessThanOrEqual(17)
    expect((await b.call('reviews.get', { id: review.id })).text).toBe(lines.join('\n\n'))
    expect(journalContents(b.db)).toEqual(journalContents(a.db))
    const c = await openTestJournal()
    await sync(c, folder)
    expect(journalContents(c.db)).toEqual(journalContents(a.db))
  })

  it('sends a large journal as several files of bounded size, and compacts only the small ones after', async () => {
    const { a, b, folder } = await twoJournals()
    const reviews = []
    for (let i = 0; i < 12; i++)
      reviews.push(
        await a.call('reviews.create', {
          title: `Review ${i}`,
          body: paragraphs(`Words of review ${i}. `.repeat(40))
        })
      )
    const fileBytes = 4096
    const first = await syncWithFolder(a.db, { folder, fileBytes })
    const device = a.db.prepare("SELECT value FROM sync_meta WHERE key = 'device'").pluck().get() as string
    const files = () => readdirSync(join(folder, 'devices', device)).filter((n) => n.endsWith('.rjsync'))
    expect(first.files.written).toBeGreaterThan(2)
    expect(first.sent.reviews).toBe(12)
    expect(files()).toHaveLength(first.files.written)
    const dir = join(folder, 'devices', device)
    const big = files().filter((n) => statSync(join(dir, n)).size * 2 >= fileBytes)
    expect(big.length).toBeGreaterThanOrEqual(first.files.written - 1)
    // Small edits pile up beyond the limit: they are merged; the first sync's files stay.
    for (let day = 0; day < 20; day++) {
      await a.call('reviews.save', { id: reviews[0].id, title: `Review 0, day ${day}` })
      await syncWithFolder(a.db, { folder, fileBytes })
    }
    expect(files().filter((n) => big.includes(n))).toEqual(big)
    expect(files().length).toBeLessThanOrEqual(big.length + 17)
    await sync(b, folder)
    expect(journalContents(b.db)).toEqual(journalContents(a.db))
    expect((await b.call('reviews.get', { id: reviews[0].id })).title).toBe('Review 0, day 19')
  })

  it('indexes a large round for search at its end: arrivals found, deletions gone', async () => {
    const { a, b, folder } = await twoJournals()
    const review = await a.call('reviews.create', { title: 'Stalker', body: paragraphs('The zonemarker.') })
    const respond = (body: string) =>
      a.call('responses.add', {
        reviewId: review.id,
        parentId: null,
        authorName: 'Ana',
        body,
        isOwnReply: false
      })
    const first = []
    for (let i = 0; i < 520; i++) first.push(await respond(`Reply firstmarker${i}.`))
    await sync(a, folder)
    await sync(b, folder)
    const hits = async (text: string) =>
      (await b.call('search.query', { text: `${text} ` })).groups.flatMap((g) => g.hits.map((h) => h.id))
    expect(await hits('zonemarker')).toEqual([review.id])
    expect(await hits('firstmarker7')).toEqual([first[7].id])

    // A second large round that also deletes: the deleted reply leaves the index, the rest arrive.
    await a.call('responses.delete', { ids: [first[7].id] })
    for (let i = 0; i < 520; i++) await respond(`Reply latermarker${i}.`)
    await sync(a, folder)
    await sync(b, folder)
    expect(await hits('firstmarker7')).toEqual([])
    expect(await hits('firstmarker8')).toEqual([first[8].id])
    expect(await hits('latermarker519')).toHaveLength(1)
    expect((await b.call('app.check')).problems).toEqual([])
  })

  it('carries tags, edits of a screening, the status of a response and the preferences', async () => {
    const { a, b, folder } = await twoJournals()
    const review = await a.call('reviews.create', { title: 'Close-Up' })
    const screening = await a.call('screenings.log', {
      film: { title: 'Close-Up', year: 1990 },
      watchedOn: '2026-03-01',
      tags: ['kiarostami']
    })
    const response = await a.call('responses.add', {
      reviewId: review.id,
      parentId: null,
      authorName: 'Jo',
      body: 'Yes!',
      isOwnReply: false,
      unread: true
    })
    await sync(a, folder)
    await sync(b, folder)

    await b.call('reviews.save', { id: review.id, tags: ['iran', 'documentary'] })
    await b.call('screenings.update', {
      id: screening.id,
      film: { title: 'Close-Up', year: 1990 },
      watchedOn: '2026-03-01',
      venue: 'BFI Southbank',
      tags: ['kiarostami', 'rewatch']
    })
    await a.call('responses.setStatus', { ids: [response.id], status: 'read' })
    await a.call('settings.update', { criticName: 'Ana Lima', theme: 'dark' })
    for (const journal of [a, b, a]) await sync(journal, folder)

    expect((await a.call('reviews.get', { id: review.id })).tags).toEqual(['documentary', 'iran'])
    expect((await a.call('screenings.get', { id: screening.id })).venue).toBe('BFI Southbank')
    expect((await b.call('settings.get')).criticName).toBe('Ana Lima')
    expect(journalContents(a.db)).toEqual(journalContents(b.db))
  })

  it('brings back a record deleted on both once it is written again with its id', async () => {
    const { a, b, folder } = await twoJournals()
    const film = await a.call('works.create', { title: 'Playtime', year: 1967 })
    await sync(a, folder)
    await sync(b, folder)
    const row = a.db.prepare('SELECT * FROM works WHERE id = ?').get(film.id) as WorkRow
    a.db.transaction(() => deleteWork(a.db, film.id))()
    for (const journal of [a, b]) await sync(journal, folder)
    expect(b.db.prepare('SELECT count(*) FROM works').pluck().get()).toBe(0)

    // As an import of the journal's own archive writes it: the same id, through the store.
    a.db.transaction(() => insertWork(a.db, { ...row, is_sample: false }))()
    for (const journal of [a, b, a]) await sync(journal, folder)
    expect((await b.call('works.get', { id: film.id })).title).toBe('Playtime')
    expect(journalContents(a.db)).toEqual(journalContents(b.db))
  })
})
