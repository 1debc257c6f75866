import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { openTestJournal, tempDir, type TestJournal } from '../support/journal'
import { changesSince, grantFile, lastChange, openCore } from '../../src/main/core'
import { DB_FILE_NAME, transaction } from '../../src/main/core/db/connection'
import { insertReview, updateReview } from '../../src/main/core/stores/reviews'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'
import { importHere, seedJournal } from './archive.support'
import { writeFileSync } from 'node:fs'

/** The change log after `seq` as "kind op id" lines, oldest first. */
function logSince(journal: TestJournal, seq: number): string[] {
  return changesSince(journal.db, seq).map((c) => `${c.kind} ${c.op} ${c.id}`)
}

/** Runs `fn`, then answers what it added to the log and the data.changed events it caused. */
async function changesOf(journal: TestJournal, fn: () => Promise<unknown>) {
  const seq = lastChange(journal.db)
  const events = journal.events.length
  await fn()
  const emitted = journal.events
    .slice(events)
    .filter((e) => e.event === 'data.changed')
    .map((e) => e.payload)
  return { log: logSince(journal, seq), emitted }
}

describe('the change log', () => {
  it('records every review write in order, and announces it once after commit', async () => {
    const journal = await openTestJournal()
    const film = await journal.call('works.create', { title: 'Her', year: 2013 })
    let id = ''
    const created = await changesOf(journal, async () => {
      id = (await journal.call('reviews.create', { title: 'Her', workId: film.id })).id
    })
    expect(created.log).toEqual([`reviews insert ${id}`])
    expect(created.emitted).toEqual([{ kinds: ['reviews'] }])

    const saved = await changesOf(journal, () =>
      journal.call('reviews.save', {
        id,
        body: plainTextToLexical('A voice in the room.'),
        tags: ['romance']
      })
    )
    const tagId = journal.db.prepare("SELECT id FROM tags WHERE name = 'romance'").pluck().get()
    const revisionId = journal.db
      .prepare('SELECT id FROM review_revisions WHERE review_id = ?')
      .pluck()
      .get(id)
    expect(saved.log).toEqual([
      `reviews update ${id}`,
      `tags insert ${tagId}`,
      `revisions insert ${revisionId}`
    ])
    expect(saved.emitted).toEqual([{ kinds: ['reviews', 'tags'] }])

    const status = await changesOf(journal, () => journal.call('reviews.setStatus', { id, status: 'ready' }))
    expect(status.log).toEqual([`reviews update ${id}`, expect.stringMatching(/^revisions insert /)])
    expect(status.emitted).toEqual([{ kinds: ['reviews'] }])

    // History alone is logged for sync but is no screen's list: nothing is announced.
    const read = await changesOf(journal, () => journal.call('reviews.get', { id }))
    expect(read).toEqual({ log: [], emitted: [] })

    const trashed = await changesOf(journal, () => journal.call('reviews.trash', { id }))
    expect(trashed.log).toEqual([`reviews update ${id}`])
    const restored = await changesOf(journal, () => journal.call('reviews.restore', { id }))
    expect(restored.log).toEqual([`reviews update ${id}`])
    expect(restored.emitted).toEqual([{ kinds: ['reviews'] }])
  })

  it('records what goes with a review deleted for good: its responses, history and screening links', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Close-Up' })
    const screening = await journal.call('screenings.log', {
      film: { title: 'Close-Up', year: 1990 },
      watchedOn: '2026-03-01'
    })
    await journal.call('screenings.link', { id: screening.id, reviewId: review.id })
    const response = await journal.call('responses.add', {
      reviewId: review.id,
      parentId: null,
      authorName: 'Ana',
      body: 'Yes.',
      isOwnReply: false
    })
    await journal.call('reviews.trash', { id: review.id })

    const deleted = await changesOf(journal, () => journal.call('reviews.deleteForever', { id: review.id }))
    expect(deleted.log).toEqual([
      `responses delete ${response.id}`,
      `screenings update ${screening.id}`,
      `reviews delete ${review.id}`
    ])
    expect(deleted.emitted).toEqual([{ kinds: ['responses', 'reviews', 'screenings'] }])
    expect(
      journal.db.prepare('SELECT review_id FROM screenings WHERE id = ?').pluck().get(screening.id)
    ).toBeNull()
  })

  it('records screenings, with the film and tags they create', async () => {
    const journal = await openTestJournal()
    let id = ''
    const logged = await changesOf(journal, async () => {
      id = (
        await journal.call('screenings.log', {
          film: { title: 'The General', year: 1926 },
          watchedOn: '2026-02-10',
          tags: ['silent']
        })
      ).id
    })
    const workId = journal.db.prepare('SELECT work_id FROM screenings WHERE id = ?').pluck().get(id)
    const tagId = journal.db.prepare("SELECT id FROM tags WHERE name = 'silent'").pluck().get()
    expect(logged.log).toEqual([`works insert ${workId}`, `screenings insert ${id}`, `tags insert ${tagId}`])
    expect(logged.emitted).toEqual([{ kinds: ['screenings', 'tags', 'works'] }])

    // An earlier viewing logged later makes the later one a rewatch: both are recorded.
    let earlier = ''
    const backlog = await changesOf(journal, async () => {
      earlier = (
        await journal.call('screenings.log', {
          film: { title: 'The General', year: 1926 },
          watchedOn: '2020-01-01'
        })
      ).id
    })
    expect(backlog.log).toEqual([`screenings insert ${earlier}`, `screenings update ${id}`])

    const steps = await changesOf(journal, async () => {
      await journal.call('screenings.delete', { id: earlier })
      await journal.call('screenings.restore', { id: earlier })
      await journal.call('screenings.delete', { id: earlier })
      await journal.call('screenings.purge', { id: earlier })
    })
    expect(steps.log).toEqual([
      `screenings update ${earlier}`,
      `screenings update ${earlier}`,
      `screenings update ${earlier}`,
      `screenings delete ${earlier}`
    ])
    expect(steps.emitted).toEqual(Array(4).fill({ kinds: ['screenings'] }))
  })

  it('records responses: added, answered, starred, deleted and put back', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Her' })
    let reader = ''
    const added = await changesOf(journal, async () => {
      reader = (
        await journal.call('responses.add', {
          reviewId: review.id,
          parentId: null,
          authorName: 'Jo',
          body: 'Lovely.',
          isOwnReply: false,
          unread: true
        })
      ).id
    })
    expect(added).toEqual({ log: [`responses insert ${reader}`], emitted: [{ kinds: ['responses'] }] })

    let reply = ''
    const answered = await changesOf(journal, async () => {
      reply = (
        await journal.call('responses.add', {
          reviewId: review.id,
          parentId: reader,
          authorName: 'Critic',
          body: 'Thanks!',
          isOwnReply: true
        })
      ).id
    })
    expect(answered.log).toEqual([`responses insert ${reply}`, `responses update ${reader}`])

    const starred = await changesOf(journal, () =>
      journal.call('responses.setStarred', { ids: [reader], starred: true })
    )
    expect(starred.log).toEqual([`responses update ${reader}`])

    let removed: Awaited<ReturnType<typeof journal.call<'responses.delete'>>> | undefined
    const deleted = await changesOf(journal, async () => {
      removed = await journal.call('responses.delete', { ids: [reply] })
    })
    expect(deleted.log).toEqual([`responses delete ${reply}`, `responses update ${reader}`])

    const back = await changesOf(journal, () =>
      journal.call('responses.restore', { responses: removed!.removed, reparented: removed!.reparented })
    )
    expect(back.log).toEqual([`responses insert ${reply}`, `responses update ${reader}`])
    expect(back.emitted).toEqual([{ kinds: ['responses'] }])
  })

  it('records films: created, renamed and merged, with what moved', async () => {
    const journal = await openTestJournal()
    const keep = await journal.call('works.create', { title: 'Amélie', year: 2001 })
    const dup = await journal.call('works.create', { title: 'Amelie', year: 2001 })
    const screening = await journal.call('screenings.log', {
      film: { workId: dup.id },
      watchedOn: '2026-01-01'
    })
    const review = await journal.call('reviews.create', { title: 'Amelie', workId: dup.id })

    const renamed = await changesOf(journal, () =>
      journal.call('works.update', { id: keep.id, title: 'Amélie ' })
    )
    expect(renamed).toEqual({ log: [`works update ${keep.id}`], emitted: [{ kinds: ['works'] }] })

    const merged = await changesOf(journal, () =>
      journal.call('works.merge', { keepId: keep.id, mergeIds: [dup.id] })
    )
    expect(merged.log).toEqual([
      `screenings update ${screening.id}`,
      `reviews update ${review.id}`,
      `works delete ${dup.id}`,
      `works update ${keep.id}`,
      `works update ${keep.id}`
    ])
    expect(merged.emitted).toEqual([{ kinds: ['reviews', 'screenings', 'works'] }])
  })

  it('records preferences by key, but not where the window was', async () => {
    const journal = await openTestJournal()
    const changed = await changesOf(journal, () => journal.call('settings.update', { theme: 'dark' }))
    expect(changed).toEqual({ log: ['settings update preferences'], emitted: [{ kinds: ['settings'] }] })
  })

  it('leaves nothing for a write that fails or rolls back', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Her' })
    const before = lastChange(journal.db)

    // Responses put back under a parent that no longer exists: inserted, then refused whole.
    const events = journal.events.length
    const refused = await journal.dispatch('responses.restore', {
      responses: [
        {
          id: 'gone-child',
          reviewId: review.id,
          parentId: 'never-there',
          authorName: 'Jo',
          body: 'Hi',
          receivedAt: '2026-01-01T00:00:00.000Z',
          createdAt: '2026-01-01T00:00:00.000Z',
          status: 'new',
          isOwnReply: false,
          starred: false
        }
      ],
      reparented: []
    })
    expect(refused.ok).toBe(false)
    expect(() =>
      transaction(journal.db, () => {
        insertReview(journal.db, {
          id: 'rolled-back',
          body: plainTextToLexical('x'),
          created_at: 'now',
          updated_at: 'now'
        })
        throw new Error('stop')
      })
    ).toThrow('stop')

    // A body without the text derived from it is refused before anything is written.
    expect(() => updateReview(journal.db, review.id, { body: '{"root":{"children":[]}}' })).toThrow(
      'with its text'
    )

    expect(lastChange(journal.db)).toBe(before)
    expect(journal.db.prepare("SELECT count(*) FROM reviews WHERE id = 'rolled-back'").pluck().get()).toBe(0)
    await journal.call('reviews.list', {})
    expect(journal.events.slice(events).filter((e) => e.event === 'data.changed')).toEqual([])
  })

  it('records an import record by record, and announces it once', async () => {
    const source = await openTestJournal()
    seedJournal(source.db)
    const out = join(tempDir(), 'mine.rjarchive')
    await source.call('archive.export', { format: 'archive', fileId: grantFile(out, 'write').fileId })

    const target = await openTestJournal()
    const file = grantFile(out, 'read').fileId
    const preview = await changesOf(target, () =>
      target.call('archive.preview', { fileId: file, format: 'archive' })
    )
    expect(preview).toEqual({ log: [], emitted: [] })

    const imported = await changesOf(target, () =>
      target.call('archive.import', { fileId: file, format: 'archive' })
    )
    const count = (op: string, kind: string) =>
      imported.log.filter((line) => line.startsWith(`${kind} ${op} `)).length
    expect(count('insert', 'works')).toBe(2)
    expect(count('insert', 'tags')).toBe(3)
    expect(count('insert', 'reviews')).toBe(3)
    expect(count('insert', 'revisions')).toBe(2)
    expect(count('insert', 'screenings')).toBe(2)
    expect(count('insert', 'responses')).toBe(4)
    expect(imported.log.indexOf('reviews insert r-her')).toBeLessThan(
      imported.log.indexOf('responses insert p-1')
    )
    expect(imported.emitted).toEqual([{ kinds: ['responses', 'reviews', 'screenings', 'tags', 'works'] }])
  })

  it('keeps a long import complete and in order when its rows are written many to a statement', async () => {
    // 300 posts with their first revisions and two comments each: 1,200 rows, nine batches and a part.
    const items = Array.from({ length: 300 }, (_, i) => {
      const comment = (n: number) =>
        `<wp:comment><wp:comment_id>${i * 2 + n}</wp:comment_id><wp:comment_author>Reader</wp:comment_author><wp:comment_date_gmt>2020-01-01 10:00:00</wp:comment_date_gmt><wp:comment_content>Reply ${n}</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>${n === 2 ? i * 2 + 1 : 0}</wp:comment_parent></wp:comment>`
      return `<item><title>Post ${i}</title><wp:post_id>${i + 1}</wp:post_id><wp:post_date_gmt>2020-01-01 10:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><content:encoded><![CDATA[<p>Words ${i}</p>]]></content:encoded>${comment(1)}${comment(2)}</item>`
    })
    const file = join(tempDir(), 'long.xml')
    writeFileSync(
      file,
      `<?xml version="1.0"?><rss xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>${items.join('')}</channel></rss>`
    )
    const journal = await openTestJournal()
    const rows = (sql: string, ...args: string[]) => journal.db.prepare(sql).all(...args) as { id: string }[]

    // Cancelled halfway: nothing of it stays in the log, and the log is written at once again.
    let asked = 0
    const signal = {
      get aborted() {
        return ++asked > 400
      }
    } as AbortSignal
    await expect(importHere(journal.db, journal.dataDir, file, { signal })).rejects.toThrow(/cancelled/)
    expect(lastChange(journal.db)).toBe(0)
    const first = await journal.call('reviews.create', { title: 'After the cancel' })
    expect(rows('SELECT record_id AS id FROM change_log')).toEqual([{ id: first.id }])

    const seq = lastChange(journal.db)
    await importHere(journal.db, journal.dataDir, file)
    const log = logSince(journal, seq)
    expect(log).toHaveLength(1200)
    // Every row written is in the log once, in the order it was written.
    const written = [
      ...rows('SELECT id FROM reviews WHERE id <> ? ORDER BY rid', first.id).map(
        (r) => `reviews insert ${r.id}`
      ),
      ...rows('SELECT id FROM review_revisions ORDER BY rid').map((r) => `revisions insert ${r.id}`),
      ...rows('SELECT id FROM responses ORDER BY rid').map((r) => `responses insert ${r.id}`)
    ]
    expect([...log].sort()).toEqual([...written].sort())
    const order = (kind: string) => log.filter((line) => line.startsWith(kind))
    expect(order('responses')).toEqual(written.filter((line) => line.startsWith('responses')))
    expect(order('reviews')).toEqual(written.filter((line) => line.startsWith('reviews')))
    expect(rows('SELECT seq AS id FROM change_log').length).toBe(1201)
  })

  it('announces writes made through another connection (an import in a worker) on the next call', async () => {
    const journal = await openTestJournal()
    const other = new Database(join(journal.dataDir, DB_FILE_NAME))
    try {
      transaction(other, () =>
        insertReview(other, {
          id: 'from-worker',
          body: plainTextToLexical('Elsewhere.'),
          created_at: 'x',
          updated_at: 'x'
        })
      )
    } finally {
      other.close()
    }
    const seen = await changesOf(journal, () => journal.call('reviews.list', {}))
    expect(seen.emitted).toEqual([{ kinds: ['reviews'] }])
    expect(logSince(journal, 0)).toEqual(['reviews insert from-worker'])
  })

  it('records a restored backup as a reset of every kind, after the stream it replaced', async () => {
    const journal = await openTestJournal()
    await journal.call('reviews.create', { title: 'Before' })
    const backup = await journal.call('backup.create')
    await journal.call('reviews.create', { title: 'After' })
    await journal.call('settings.update', { theme: 'dark' })
    const before = lastChange(journal.db)

    const restored = await changesOf(journal, () => journal.call('backup.restore', { name: backup.name }))
    const resets = changesSince(journal.db, before)
    expect(resets.map((c) => `${c.kind} ${c.op} ${c.id}`)).toEqual(
      ['reviews', 'revisions', 'works', 'screenings', 'responses', 'tags', 'settings'].map(
        (kind) => `${kind} reset *`
      )
    )
    expect(resets[0].seq).toBe(before + 1)
    expect(restored.emitted).toEqual([
      { kinds: ['responses', 'reviews', 'screenings', 'settings', 'tags', 'works'] }
    ])

    // The stream goes on from there.
    const next = await journal.call('reviews.create', { title: 'Next' })
    expect(changesSince(journal.db, lastChange(journal.db) - 1)).toEqual([
      { seq: before + 8, kind: 'reviews', id: next.id, op: 'insert' }
    ])
  })
})

describe('the change log at start', () => {
  /** Opens the journal in `dir` as the app's hosts do (or as the command line, not interactive). */
  async function reopen(dir: string, interactive: boolean) {
    const core = await openCore({ dataDir: dir, version: 'test', interactive })
    const [first, last] = core.db.prepare('SELECT min(seq), max(seq) FROM change_log').raw().get() as number[]
    core.close()
    return { first, last }
  }

  /** A journal whose log holds `n` changes, as years of saves would leave it. */
  async function longLog(n: number, captured?: number) {
    const dir = tempDir()
    const core = await openCore({ dataDir: dir, version: 'test' })
    core.db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${n})
      INSERT INTO change_log (kind, record_id, op) SELECT 'reviews', 'r' || i, 'update' FROM n`)
    if (captured !== undefined)
      core.db.prepare("INSERT INTO sync_meta (key, value) VALUES ('captured_seq', ?)").run(String(captured))
    core.close()
    return dir
  }

  it('drops what no reader needs, a bounded step at each opening of the app, and keeps counting', async () => {
    const dir = await longLog(160_000)
    // The command line never trims: it must not wait on a journal an import holds.
    expect(await reopen(dir, false)).toEqual({ first: 1, last: 160_000 })
    expect(await reopen(dir, true)).toEqual({ first: 50_001, last: 160_000 })
    // The newest 100,000 stay, for screens of another process that may not have read them.
    expect(await reopen(dir, true)).toEqual({ first: 60_001, last: 160_000 })
    expect(await reopen(dir, true)).toEqual({ first: 60_001, last: 160_000 })

    const journal = await openTestJournal(dir)
    const review = await journal.call('reviews.create', { title: 'After the trim' })
    expect(changesSince(journal.db, 160_000)).toEqual([
      { seq: 160_001, kind: 'reviews', id: review.id, op: 'insert' }
    ])
  })

  it('keeps every change sync has not taken in yet', async () => {
    const dir = await longLog(160_000, 20_000)
    expect(await reopen(dir, true)).toEqual({ first: 20_001, last: 160_000 })
    expect(await reopen(dir, true)).toEqual({ first: 20_001, last: 160_000 })
  })
})
