import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { openTestJournal, tempDir, type TestJournal } from '../support/journal'
import { buildZip, type RawEntry } from '../fixtures/archive/zipBuilder'
import { DEFAULT_LIMITS, MB } from '../../src/main/core/archive/files/limits'
import { exportHere, importHere, seedJournal, snapshot } from './archive.support'

function zipFile(entries: RawEntry[], name = 'notes.zip'): string {
  const path = join(tempDir(), name)
  writeFileSync(path, buildZip(entries))
  return path
}

/** Expects the import to fail with `message` and the journal to be exactly as before. */
async function expectRefused(
  journal: TestJournal,
  path: string,
  message: RegExp,
  options: Parameters<typeof importHere>[3] = {}
) {
  const before = snapshot(journal.db)
  await expect(importHere(journal.db, journal.dataDir, path, options)).rejects.toThrow(message)
  expect(snapshot(journal.db)).toEqual(before)
  expect(journal.db.inTransaction).toBe(false)
}

const note = (text = '# A note\n\nBody.') => Buffer.from(text)

describe('unsafe or broken zips', () => {
  it('refuses an entry that escapes the folder (zip slip)', async () => {
    const journal = await openTestJournal()
    await expectRefused(
      journal,
      zipFile([
        { name: 'ok.md', data: note() },
        { name: 'notes/../../evil.md', data: note() }
      ]),
      /points outside its folder/
    )
  })

  it('refuses an entry with an absolute path', async () => {
    const journal = await openTestJournal()
    await expectRefused(journal, zipFile([{ name: '/etc/cron.d/evil.md', data: note() }]), /absolute path/)
  })

  it('refuses a symbolic link entry', async () => {
    const journal = await openTestJournal()
    await expectRefused(
      journal,
      zipFile([
        { name: 'ok.md', data: note() },
        { name: 'link.md', data: Buffer.from('/etc/passwd'), method: 0, unixMode: 0o120777 }
      ]),
      /symbolic link/
    )
  })

  it('stops a zip bomb by its ratio while inflating', async () => {
    const journal = await openTestJournal()
    const started = Date.now()
    await expectRefused(
      journal,
      zipFile([{ name: 'bomb.md', data: Buffer.alloc(60 * MB, 0x41) }]),
      /zip bomb/
    )
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('stops at the total inflated size, counting real bytes not declared ones', async () => {
    const journal = await openTestJournal()
    const chunk = () => Buffer.from(randomBytes(300 * 1024).toString('hex'))
    const path = zipFile([1, 2, 3].map((n) => ({ name: `n${n}.md`, data: chunk(), declaredSize: 10 })))
    await expectRefused(journal, path, /unpacks to more than 1 MB|size does not match/, {
      limits: { ...DEFAULT_LIMITS, maxInflatedBytes: 1 * MB }
    })
    const honest = zipFile([1, 2, 3].map((n) => ({ name: `n${n}.md`, data: chunk() })))
    await expectRefused(journal, honest, /unpacks to more than 1 MB/, {
      limits: { ...DEFAULT_LIMITS, maxInflatedBytes: 1 * MB }
    })
  })

  it('refuses a truncated zip clearly', async () => {
    const source = await openTestJournal()
    seedJournal(source.db)
    const whole = join(tempDir(), 'whole.rjarchive')
    await exportHere(source.db, 'archive', whole)
    const cut = join(tempDir(), 'cut.rjarchive')
    const bytes = readFileSync(whole)
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)))
    const journal = await openTestJournal()
    await expectRefused(journal, cut, /not a readable zip file|not a file Review Journal can import/)
    await expectRefused(journal, cut, /not a readable zip file/, { format: 'archive' })
  })

  it('refuses a file past the size limit before reading it', async () => {
    const journal = await openTestJournal()
    const path = join(tempDir(), 'big.md')
    writeFileSync(path, Buffer.alloc(5000, 0x61))
    await expectRefused(journal, path, /is 5 KB; imports are limited to 4 KB/, {
      limits: { ...DEFAULT_LIMITS, maxFileBytes: 4096 }
    })
  })

  it('refuses an empty file and a file in no known format', async () => {
    const journal = await openTestJournal()
    const empty = join(tempDir(), 'empty.xml')
    writeFileSync(empty, '')
    await expectRefused(journal, empty, /is empty/)
    const odd = join(tempDir(), 'photo.jpg')
    writeFileSync(odd, randomBytes(200))
    await expectRefused(journal, odd, /not a file Review Journal can import/)
  })
})

describe('atomic imports', () => {
  async function archiveEntries(): Promise<Map<string, Buffer>> {
    const source = await openTestJournal()
    seedJournal(source.db)
    const file = join(tempDir(), 'a.rjarchive')
    await exportHere(source.db, 'archive', file)
    const yauzl = await import('yauzl')
    const entries = new Map<string, Buffer>()
    await new Promise<void>((resolve, reject) =>
      yauzl.default.open(file, { lazyEntries: true }, (err, zip) => {
        if (err) return reject(err)
        zip.on('entry', (entry: import('yauzl').Entry) =>
          zip.openReadStream(entry, async (e, stream) => {
            if (e) return reject(e)
            const chunks: Buffer[] = []
            for await (const c of stream) chunks.push(c as Buffer)
            entries.set(entry.fileName, Buffer.concat(chunks))
            zip.readEntry()
          })
        )
        zip.on('end', () => resolve())
        zip.readEntry()
      })
    )
    return entries
  }

  it('leaves the journal exactly as it was when the file turns out damaged half way through', async () => {
    const entries = await archiveEntries()
    const path = zipFile(
      [...entries].map(([name, data]) =>
        name === 'responses.jsonl' ? { name, data, rawCompressed: randomBytes(64) } : { name, data }
      ),
      'damaged.rjarchive'
    )
    const journal = await openTestJournal()
    await journal.call('reviews.create', { title: 'Already here' })
    await expectRefused(journal, path, /damaged|not a readable zip/)
  })

  it('rolls back everything when cancelled', async () => {
    const entries = await archiveEntries()
    const path = zipFile(
      [...entries].map(([name, data]) => ({ name, data })),
      'fine.rjarchive'
    )
    const journal = await openTestJournal()
    const controller = new AbortController()
    const before = snapshot(journal.db)
    const pending = importHere(journal.db, journal.dataDir, path, { signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toThrow(/cancelled/)
    expect(snapshot(journal.db)).toEqual(before)
  })

  it('reports a bad line by file and line number and imports the rest', async () => {
    const entries = await archiveEntries()
    const works = entries.get('works.jsonl')!.toString()
    entries.set('works.jsonl', Buffer.from(works + '{"id":"w-bad","title":"","year":1200}\nnot json\n'))
    const path = zipFile(
      [...entries].map(([name, data]) => ({ name, data })),
      'partly.rjarchive'
    )
    const journal = await openTestJournal()
    const { report } = await importHere(journal.db, journal.dataDir, path)
    expect(report.counts.work.created).toBe(2)
    expect(report.problems).toEqual([
      expect.objectContaining({ position: 3, what: 'works.jsonl line 3' }),
      expect.objectContaining({ position: 4, what: 'works.jsonl line 4', message: 'not valid JSON' })
    ])
  })

  it('refuses an archive written by a newer version', async () => {
    const entries = await archiveEntries()
    const manifest = JSON.parse(entries.get('manifest.json')!.toString())
    entries.set('manifest.json', Buffer.from(JSON.stringify({ ...manifest, version: 99 })))
    const journal = await openTestJournal()
    await expectRefused(
      journal,
      zipFile(
        [...entries].map(([name, data]) => ({ name, data })),
        'future.rjarchive'
      ),
      /written by a newer Review Journal/
    )
  })
})
