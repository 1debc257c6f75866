import { describe, expect, it } from 'vitest'
import { join, resolve } from 'node:path'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import type { TaskProgress } from '../../src/shared/contract'
import { openTestJournal, tempDir } from '../support/journal'
import { grantFile } from '../../src/main/core/archive/files/grants'
import { seedJournal, snapshot } from './archive.support'

describe('archive channels (worker thread)', () => {
  it('exports to a chosen file and imports it through the worker, reporting progress and changes', async () => {
    const source = await openTestJournal()
    seedJournal(source.db)
    const out = join(tempDir(), 'mine.rjarchive')
    const exported = await source.call('archive.export', {
      format: 'archive',
      fileId: grantFile(out, 'write').fileId
    })
    expect(exported).toMatchObject({ format: 'archive', name: 'mine.rjarchive', downloadId: null })
    expect(existsSync(out)).toBe(true)

    const target = await openTestJournal()
    const file = grantFile(out, 'read').fileId
    const preview = await target.call('archive.preview', { fileId: file, format: 'auto' })
    expect(preview.dryRun).toBe(true)
    expect(preview.counts.review.created).toBe(3)
    expect(target.events.some((e) => e.event === 'task.progress')).toBe(true)
    expect(target.events.some((e) => e.event === 'data.changed')).toBe(false)

    const report = await target.call('archive.import', { fileId: file, format: 'archive' })
    expect(report.counts).toEqual(preview.counts)
    expect(snapshot(target.db)).toEqual(snapshot(source.db))
    const changed = target.events.find((e) => e.event === 'data.changed')?.payload as { kinds: string[] }
    expect(changed.kinds).toEqual(expect.arrayContaining(['reviews', 'responses', 'screenings']))
  })

  it('reports a WordPress export read as bytes of the file, and an archive as records', async () => {
    const journal = await openTestJournal()
    // Large enough to be read in the worker thread (a small file is read on the host's own).
    const blog = join(tempDir(), 'film-blog.xml')
    const fixture = readFileSync(resolve(__dirname, '../fixtures/wxr/film-blog.xml'), 'utf8')
    writeFileSync(blog, fixture.replace('</channel>', `<!-- ${'padding '.repeat(80_000)}-->\n</channel>`))
    await journal.call('archive.import', { fileId: grantFile(blog, 'read').fileId, format: 'auto' })
    const progress = journal.events
      .filter((e) => e.event === 'task.progress')
      .map((e) => e.payload as TaskProgress)
    const size = statSync(blog).size
    expect(progress.at(-1)).toMatchObject({ done: size, total: size, unit: 'bytes' })

    const out = join(tempDir(), 'mine.rjarchive')
    await journal.call('archive.export', { format: 'archive', fileId: grantFile(out, 'write').fileId })
    const other = await openTestJournal()
    await other.call('archive.import', { fileId: grantFile(out, 'read').fileId, format: 'auto' })
    const counted = other.events
      .filter((e) => e.event === 'task.progress')
      .map((e) => e.payload as TaskProgress)
    expect(counted.at(-1)?.done).toBeGreaterThan(0)
    expect(counted.every((p) => p.unit === undefined)).toBe(true)
  })

  it('exports to a download when no file was chosen', async () => {
    const journal = await openTestJournal()
    seedJournal(journal.db)
    const result = await journal.call('archive.export', { format: 'archive' })
    expect(result.downloadId).toEqual(expect.any(String))
    expect(result.name).toMatch(/^review-journal-\d{4}-\d{2}-\d{2}\.rjarchive$/)
  })

  it('refuses a file id that was never granted', async () => {
    const journal = await openTestJournal()
    const result = await journal.dispatch('archive.import', { fileId: 'not-a-granted-file', format: 'auto' })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('rejects malformed input with the field named', async () => {
    const journal = await openTestJournal()
    const result = await journal.dispatch('archive.export', { format: 'pdf' })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { format: expect.any(String) } }
    })
  })

  it('cancels a running import through archive.cancel and leaves the journal as it was', async () => {
    const source = await openTestJournal()
    const insert = source.db.prepare(
      `INSERT INTO reviews (id, title, body, body_text, created_at, updated_at) VALUES (?, ?, ?, '', ?, ?)`
    )
    source.db.transaction(() => {
      for (let i = 0; i < 5_000; i++)
        insert.run(
          `r-${i}`,
          `Review ${i}`,
          '{"root":{"type":"root","children":[]}}',
          '2020-01-01',
          '2020-01-01'
        )
    })()
    const out = join(tempDir(), 'big.rjarchive')
    await source.call('archive.export', { format: 'archive', fileId: grantFile(out, 'write').fileId })

    const target = await openTestJournal()
    const before = snapshot(target.db)
    const taskId = 'cancel-me'
    const pending = target.dispatch('archive.import', {
      fileId: grantFile(out, 'read').fileId,
      format: 'auto',
      taskId
    })
    await expect
      .poll(
        () =>
          target.events.some((e) => e.event === 'task.progress' && (e.payload as { done: number }).done > 0),
        { timeout: 60_000, interval: 20 }
      )
      .toBe(true)
    expect(await target.call('archive.cancel', { taskId })).toEqual({ cancelled: true })
    expect(await pending).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    expect(snapshot(target.db)).toEqual(before)
    expect(await target.call('archive.cancel', { taskId })).toEqual({ cancelled: false })
  }, 120_000)

  it('receives a dropped file in pieces (desktop app), refusing an unknown upload id', async () => {
    const journal = await openTestJournal()
    const note = Buffer.from('---\ntitle: Sent in pieces\n---\nBody of the note.')
    const first = await journal.call('archive.receive', {
      name: '../sneaky/pieces.md',
      chunk: note.subarray(0, 10).toString('base64'),
      last: false
    })
    expect(first.file).toBeNull()
    const second = await journal.call('archive.receive', {
      uploadId: first.uploadId,
      name: 'pieces.md',
      chunk: note.subarray(10).toString('base64'),
      last: true
    })
    expect(second.file).toMatchObject({ name: 'pieces.md' })
    const report = await journal.call('archive.preview', { fileId: second.file!.fileId, format: 'auto' })
    expect(report).toMatchObject({ format: 'markdown', counts: { review: { created: 1 } } })
    const stale = await journal.dispatch('archive.receive', {
      uploadId: first.uploadId,
      name: 'pieces.md',
      chunk: '',
      last: true
    })
    expect(stale).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const notBase64 = await journal.dispatch('archive.receive', {
      name: 'x.md',
      chunk: '<<not base64>>',
      last: true
    })
    expect(notBase64).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})
