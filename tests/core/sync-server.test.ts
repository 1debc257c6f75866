import { describe, expect, it } from 'vitest'
import { openTestJournal, tempDir } from '../support/journal'
import { importHere } from './archive.support'
import { changeLogEnd, editOfflineOnBoth, journalContents, paragraphs, shownContents } from './sync.support'
import { startTestServer, syncThrough, titles, TOKEN, until } from './sync-server.support'
import { syncWithFolder, watchServer } from '../../src/main/core/sync'
import { describeRoundFailure } from '../../src/main/core/sync/sessionFailure'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'

const letterboxdExport = resolve(__dirname, '../fixtures/letterboxd/export')

describe('two journals synced through a Hocuspocus server', () => {
  it('merges offline edits of one review word by word, new and deleted records, and an import', async () => {
    const server = await startTestServer()
    const [a, b] = [await openTestJournal(), await openTestJournal()]
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
    await syncThrough(a, server.url)
    const first = await syncThrough(b, server.url)
    expect(first.applied).toMatchObject({ works: 1, reviews: 1, screenings: 1 })
    expect([first.captured, first.sent]).toEqual([{}, {}])
    expect((await b.call('reviews.get', { id: review.id })).text).toBe(
      'The room grants wishes.\n\nThree men walk through the grass.\n\nThe dog follows them home.'
    )

    // Offline on both: different paragraphs, and the same one.
    const { onlyA, onlyB } = await editOfflineOnBoth(a, b, review.id, screening.id)
    await importHere(b.db, b.dataDir, letterboxdExport)

    for (const journal of [a, b, a]) await syncThrough(journal, server.url)

    const text = (await a.call('reviews.get', { id: review.id })).text
    expect(text).toBe(
      'The room grants wishes, they say.\n\nThree tired men walk through the wet grass.\n\nThe black dog follows them home at last.'
    )
    expect((await a.call('reviews.get', { id: review.id })).title).toBe('The Zone, again')
    expect(journalContents(a.db)).toEqual(journalContents(b.db))
    expect(await shownContents(a)).toEqual(await shownContents(b))
    expect((await b.call('reviews.get', { id: onlyA.id })).title).toBe('Solaris')
    expect((await a.call('reviews.get', { id: onlyB.id })).title).toBe('Mirror')
    expect(a.db.prepare("SELECT count(*) FROM screenings WHERE venue = 'Prince Charles'").pluck().get()).toBe(
      0
    )
    // The import's six diary entries arrived whole.
    expect(a.db.prepare('SELECT count(*) FROM screenings').pluck().get()).toBe(6)
    expect(b.db.prepare('SELECT count(*) FROM responses').pluck().get()).toBe(1)
  })

  it('receives a large round whole: every arrival kept, applied and found by search', async () => {
    const server = await startTestServer({ dataDir: tempDir('rj-sync-server-') })
    const [a, b] = [await openTestJournal(), await openTestJournal()]
    const review = await a.call('reviews.create', { title: 'Stalker', body: paragraphs('The zonemarker.') })
    // More replies than the arrivals held at once (256), and than a round indexed row by row (500).
    for (let i = 0; i < 600; i++)
      await a.call('responses.add', {
        reviewId: review.id,
        parentId: null,
        authorName: 'Ana',
        body: `Reply largemarker${i}.`,
        isOwnReply: false
      })
    await syncThrough(a, server.url)
    const received = await syncThrough(b, server.url)
    expect(received.files.read).toBe(601)
    expect(received.applied).toMatchObject({ reviews: 1, responses: 600 })
    const hits = async (text: string) =>
      (await b.call('search.query', { text: `${text} ` })).groups.flatMap((g) => g.hits)
    expect(await hits('largemarker599')).toHaveLength(1)
    expect(journalContents(b.db)).toEqual(journalContents(a.db))
  })

  it('changes nothing on a repeated sync, and opens no document for it', async () => {
    const server = await startTestServer()
    const [a, b] = [await openTestJournal(), await openTestJournal()]
    await a.call('reviews.create', { title: 'Once' })
    await b.call('reviews.create', { title: 'Twice' })
    for (const j of [a, b, a, b]) await syncThrough(j, server.url)
    const before = { a: changeLogEnd(a.db), b: changeLogEnd(b.db), contents: journalContents(a.db) }
    for (const j of [a, b]) {
      const again = await syncThrough(j, server.url)
      expect(again).toMatchObject({ captured: {}, sent: {}, received: {}, applied: {} })
      expect(again.files).toEqual({ read: 0, written: 0, waiting: 0 })
    }
    expect({ a: changeLogEnd(a.db), b: changeLogEnd(b.db), contents: journalContents(b.db) }).toEqual(before)
  })
})

describe('a journal whose disk fills during a round', () => {
  it('says so, applies nothing, and takes the whole round once there is room', async () => {
    const server = await startTestServer()
    const [a, b] = [await openTestJournal(), await openTestJournal()]
    await b.call('reviews.create', { title: 'Written on b' })
    await syncThrough(b, server.url)
    for (let i = 0; i < 40; i++)
      await a.call('reviews.create', { title: `Review ${i}`, body: paragraphs(`Full disk ${i} `.repeat(80)) })
    await syncThrough(a, server.url)
    await b.call('reviews.create', { title: 'Written on b, later' })
    const before = { contents: journalContents(b.db), log: changeLogEnd(b.db) }

    // SQLite's own limit on the file's size stands in for the disk: past it, a write fails
    // as on a full disk (SQLITE_FULL).
    const pages = b.db.pragma('page_count', { simple: true }) as number
    b.db.pragma(`max_page_count = ${pages + 4}`)
    const error = await syncThrough(b, server.url).then(
      () => null,
      (err: unknown) => err
    )
    expect((error as { code?: string }).code).toBe('SQLITE_FULL')
    const said = describeRoundFailure(error)
    expect(said.code).toBe('DISK_FULL')
    expect(said.message).toMatch(/disk holding the journal is full: nothing was applied/)
    expect({ contents: journalContents(b.db), log: changeLogEnd(b.db) }).toEqual(before)

    b.db.pragma('max_page_count = 1073741823')
    const round = await syncThrough(b, server.url)
    expect(round.applied).toMatchObject({ reviews: 40 })
    await syncThrough(a, server.url)
    expect(journalContents(a.db)).toEqual(journalContents(b.db))
  })
})

describe('watching a sync server', () => {
  it('tells a journal when another has pushed, and not of its own pushes', async () => {
    const server = await startTestServer()
    const [a, b] = [await openTestJournal(), await openTestJournal()]
    let told = 0
    const watch = await watchServer(a.db, { url: server.url, token: TOKEN }, () => told++)
    try {
      await a.call('reviews.create', { title: 'Mine' })
      await syncThrough(a, server.url)
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(told).toBe(0)
      await b.call('reviews.create', { title: 'Theirs' })
      await syncThrough(b, server.url)
      expect(await until(() => told > 0)).toBe(true)
      await syncThrough(a, server.url)
      expect(titles(a)).toEqual(['Mine', 'Theirs'])
    } finally {
      watch.close()
    }
  })
})

describe('watching a sync server that restarts', () => {
  it('connects again by itself, and still hears of pushes', async () => {
    const first = await startTestServer()
    const [a, b] = [await openTestJournal(), await openTestJournal()]
    let told = 0
    const watch = await watchServer(a.db, { url: first.url, token: TOKEN }, () => told++)
    try {
      await first.stop()
      const again = await startTestServer({ port: first.port, dataDir: first.dataDir })
      await b.call('reviews.create', { title: 'After the restart' })
      await syncThrough(b, again.url)
      expect(await until(() => told > 0, 15_000)).toBe(true)
    } finally {
      watch.close()
    }
  }, 30_000)
})

describe("the sync server's storage", () => {
  it('has on disk whatever it acknowledged, before any store: a second server on its folder serves it', async () => {
    const first = await startTestServer()
    const [a, b] = [await openTestJournal(), await openTestJournal()]
    const review = await a.call('reviews.create', { title: 'Acknowledged' })
    await a.call('reviews.save', { id: review.id, body: paragraphs('Written before the crash.') })
    await syncThrough(a, first.url)
    // The first server is never stopped (nothing stored on its way out): a crash, as far as the
    // folder can tell.
    const second = await startTestServer({ dataDir: first.dataDir })
    await syncThrough(b, second.url)
    expect((await b.call('reviews.get', { id: review.id })).text).toBe('Written before the crash.')
  })

  it('folds many edits of one review into its stored state, and serves it whole after a restart', async () => {
    const server = await startTestServer()
    const a = await openTestJournal()
    const review = await a.call('reviews.create', { title: 'Many drafts' })
    const lines: string[] = []
    for (let i = 1; i <= 20; i++) {
      lines.push(`Draft line ${i}.`)
      await a.call('reviews.save', { id: review.id, body: paragraphs(...lines) })
      await syncThrough(a, server.url)
    }
    await server.stop()
    const pending = new Database(join(server.dataDir, 'sync-server.sqlite'), { readonly: true })
    const left = pending.prepare("SELECT count(*) FROM updates WHERE name LIKE '%/reviews/%'").pluck().get()
    pending.close()
    expect(left).toBeLessThan(16)
    const again = await startTestServer({ dataDir: server.dataDir })
    const b = await openTestJournal()
    await syncThrough(b, again.url)
    expect((await b.call('reviews.get', { id: review.id })).text).toBe(lines.join('\n\n'))
  })
})

describe('a journal synced through a folder and a server both', () => {
  it("sends the server every edit even after the folder's compaction renumbered what was waiting", async () => {
    const server = await startTestServer()
    const folder = tempDir('rj-sync-folder-')
    const [a, b] = [await openTestJournal(), await openTestJournal()]
    const review = await a.call('reviews.create', { title: 'Two ways' })
    const lines: string[] = []
    for (let i = 1; i <= 24; i++) {
      lines.push(`Line ${i}.`)
      await a.call('reviews.save', { id: review.id, body: paragraphs(...lines) })
      // Each round writes a file of its own; past sixteen the folder's files are merged into one.
      await syncWithFolder(a.db, { folder })
      if (i === 12) await syncThrough(a, server.url)
    }
    await syncThrough(a, server.url)
    await syncThrough(b, server.url)
    expect((await b.call('reviews.get', { id: review.id })).text).toBe(lines.join('\n\n'))
  })
})
