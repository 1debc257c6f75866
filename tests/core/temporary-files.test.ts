import { afterEach, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openTestJournal, tempDir } from '../support/journal'
import { releaseTemporaryFiles, sweepTemporaryFolders } from '../../src/main/core'
import { MAX_UPLOADS_AT_ONCE } from '../../src/main/core/archive/files/uploads'

const DAY_MS = 24 * 60 * 60 * 1000
const saved = process.env.TMPDIR
afterEach(() => {
  releaseTemporaryFiles()
  if (saved === undefined) delete process.env.TMPDIR
  else process.env.TMPDIR = saved
})

/** Points the system temporary folder at a fresh folder, to see exactly what is left there. */
function ownTemp(): string {
  const dir = tempDir()
  process.env.TMPDIR = dir
  return dir
}

const ours = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('review-journal-'))

describe('temporary files', () => {
  it('removes folders of ours older than a day, and nothing else', () => {
    const dir = ownTemp()
    const old = join(dir, 'review-journal-upload-abc123')
    const fresh = join(dir, 'review-journal-export-def456')
    const someoneElses = join(dir, 'other-app-upload-x')
    for (const folder of [old, fresh, someoneElses]) {
      mkdirSync(folder)
      writeFileSync(join(folder, 'file'), 'x')
    }
    const twoDaysAgo = (Date.now() - 2 * DAY_MS) / 1000
    utimesSync(old, twoDaysAgo, twoDaysAgo)
    utimesSync(someoneElses, twoDaysAgo, twoDaysAgo)
    expect(sweepTemporaryFolders()).toBe(1)
    expect([existsSync(old), existsSync(fresh), existsSync(someoneElses)]).toEqual([false, true, true])
  })

  it('releases uploads still arriving and exports never downloaded when the host closes', async () => {
    const dir = ownTemp()
    const journal = await openTestJournal()
    await journal.call('archive.receive', {
      name: 'half.md',
      chunk: Buffer.from('# Half').toString('base64'),
      last: false
    })
    await journal.call('archive.receive', {
      name: 'whole.md',
      chunk: Buffer.from('# Whole').toString('base64'),
      last: true
    })
    await journal.call('archive.export', { format: 'archive' })
    expect(ours(dir)).toHaveLength(3)
    releaseTemporaryFiles()
    expect(ours(dir)).toEqual([])
  })

  it(`takes at most ${MAX_UPLOADS_AT_ONCE} files arriving at once, and the next after one is done`, async () => {
    const dir = ownTemp()
    const journal = await openTestJournal()
    const piece = { chunk: Buffer.from('# Part').toString('base64'), last: false }
    const started = []
    for (let i = 0; i < MAX_UPLOADS_AT_ONCE; i++)
      started.push(await journal.call('archive.receive', { name: `part-${i}.md`, ...piece }))
    const refused = await journal.dispatch('archive.receive', { name: 'one-too-many.md', ...piece })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_FAILED', message: expect.stringMatching(/already arriving/) }
    })
    expect(ours(dir)).toHaveLength(MAX_UPLOADS_AT_ONCE)

    await journal.call('archive.receive', {
      uploadId: started[0].uploadId,
      name: 'part-0.md',
      chunk: '',
      last: true
    })
    const next = await journal.dispatch('archive.receive', { name: 'next.md', ...piece })
    expect(next.ok).toBe(true)
  })
})
