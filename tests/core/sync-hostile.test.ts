import { describe, expect, it } from 'vitest'
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { openTestJournal, tempDir, type TestJournal } from '../support/journal'
import { syncWithFolder, SyncFailure } from '../../src/main/core/sync'
import { changeLogEnd, journalContents, paragraphs } from './sync.support'

const sync = (journal: TestJournal, folder: string, passphrase?: string) =>
  syncWithFolder(journal.db, { folder, passphrase })

/** The update files a journal's device wrote into the folder, oldest first. */
function deviceFiles(journal: TestJournal, folder: string): string[] {
  const device = journal.db
    .prepare("SELECT value FROM sync_meta WHERE key = 'device'")
    .pluck()
    .get() as string
  const dir = join(folder, 'devices', device)
  return readdirSync(dir)
    .filter((name) => name.endsWith('.rjsync'))
    .sort()
    .map((name) => join(dir, name))
}

/** Everything a refused round must leave as it was: the rows, the change log, the sync state. */
function untouched(journal: TestJournal) {
  const sync = journal.db.prepare('SELECT doc, hex(state) AS state FROM sync_docs ORDER BY doc').all()
  const read = journal.db.prepare('SELECT * FROM sync_files_read ORDER BY 1, 2').all()
  return { contents: journalContents(journal.db), log: changeLogEnd(journal.db), sync, read }
}

async function refusal(promise: Promise<unknown>): Promise<SyncFailure> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err
  )
  expect(error).toBeInstanceOf(SyncFailure)
  return error as SyncFailure
}

describe('a shared folder that misbehaves', () => {
  it('leaves a torn file for later, and reads it once it is whole', async () => {
    const [a, b, folder] = [await openTestJournal(), await openTestJournal(), tempDir()]
    const review = await a.call('reviews.create', { title: 'Arriving' })
    await sync(a, folder)
    const [file] = deviceFiles(a, folder)
    const whole = readFileSync(file)
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)))

    const torn = await sync(b, folder)
    expect(torn.files).toMatchObject({ read: 0, waiting: 1 })
    expect(b.db.prepare('SELECT count(*) FROM reviews').pluck().get()).toBe(0)

    writeFileSync(file, whole)
    expect((await sync(b, folder)).files).toMatchObject({ read: 1, waiting: 0 })
    expect((await b.call('reviews.get', { id: review.id })).title).toBe('Arriving')
  })

  it('merges files that arrive in any order, a "conflicted copy" and a resent deleted file alike', async () => {
    const [a, b, folder] = [await openTestJournal(), await openTestJournal(), tempDir()]
    const review = await a.call('reviews.create', { title: 'Draft one' })
    const words = ['First.', 'Second.', 'Third.']
    for (let i = 1; i <= words.length; i++) {
      await a.call('reviews.save', {
        id: review.id,
        title: `Draft ${i}`,
        body: paragraphs(...words.slice(0, i))
      })
      await sync(a, folder)
    }
    const files = deviceFiles(a, folder)
    expect(files).toHaveLength(3)
    // Only the newest has arrived: it builds on the others, so it waits inside the Yjs state.
    const aside = tempDir()
    for (const file of files.slice(0, 2)) renameSync(file, join(aside, file.split('/').pop()!))
    await sync(b, folder)
    expect(b.db.prepare('SELECT count(*) FROM reviews').pluck().get()).toBe(0)
    // The middle one, then the first, the first also as a sync service's "conflicted copy".
    renameSync(join(aside, files[1].split('/').pop()!), files[1])
    await sync(b, folder)
    renameSync(join(aside, files[0].split('/').pop()!), files[0])
    copyFileSync(files[0], files[0].replace('.rjsync', " (Ana's conflicted copy 2026-12-07).rjsync"))
    await sync(b, folder)
    expect((await b.call('reviews.get', { id: review.id })).text).toBe('First.\n\nSecond.\n\nThird.')
    expect(journalContents(b.db)).toEqual(journalContents(a.db))

    // A file deleted from the folder is written again by its device.
    for (const file of deviceFiles(a, folder)) rmSync(file)
    const resent = await sync(a, folder)
    expect(resent.files.written).toBe(1)
    const c = await openTestJournal()
    await sync(c, folder)
    expect(journalContents(c.db)).toEqual(journalContents(a.db))
  })

  it('keeps a screening whose film has not arrived yet, and writes it once the film is there', async () => {
    const [a, b, folder] = [await openTestJournal(), await openTestJournal(), tempDir()]
    const film = await a.call('works.create', { title: 'Tokyo Story', year: 1953 })
    await sync(a, folder)
    const screening = await a.call('screenings.log', {
      film: { title: 'Tokyo Story', year: 1953 },
      watchedOn: '2026-02-02'
    })
    expect(screening.workId).toBe(film.id)
    await sync(a, folder)
    const [filmFile] = deviceFiles(a, folder)
    const aside = join(tempDir(), 'film.rjsync')
    renameSync(filmFile, aside)

    await sync(b, folder)
    expect(b.db.prepare('SELECT count(*) FROM screenings').pluck().get()).toBe(0)
    renameSync(aside, filmFile)
    const later = await sync(b, folder)
    expect(later.applied).toEqual({ works: 1, screenings: 1 })
    expect(journalContents(b.db)).toEqual(journalContents(a.db))
  })

  it('refuses a tampered encrypted file and a wrong passphrase, applying nothing', async () => {
    const [a, b, folder] = [await openTestJournal(), await openTestJournal(), tempDir()]
    await b.call('reviews.create', { title: 'Mine before' })
    await sync(b, folder, 'correct horse')
    await a.call('reviews.create', { title: 'Sealed' })
    await sync(a, folder, 'correct horse')
    const [file] = deviceFiles(a, folder)
    const sealed = readFileSync(file)
    expect(sealed.includes(Buffer.from('Sealed'))).toBe(false)
    await b.call('reviews.create', { title: 'Mine after' })
    const before = untouched(b)

    const tampered = Buffer.from(sealed)
    tampered[tampered.length - 20] ^= 1
    writeFileSync(file, tampered)
    const refused = await refusal(sync(b, folder, 'correct horse'))
    expect(refused.code).toBe('TAMPERED')
    expect(refused.message).toMatch(/altered/)
    expect(untouched(b)).toEqual(before)

    writeFileSync(file, sealed)
    expect((await refusal(sync(b, folder, 'wrong horse'))).code).toBe('WRONG_PASSPHRASE')
    expect((await refusal(sync(b, folder))).code).toBe('NEEDS_PASSPHRASE')
    expect(untouched(b)).toEqual(before)

    await sync(b, folder, 'correct horse')
    expect((await b.call('reviews.list', {})).map((r) => r.title).sort()).toEqual([
      'Mine after',
      'Mine before',
      'Sealed'
    ])
  })

  it('refuses what anyone wrote in the clear into an encrypted folder, applying nothing', async () => {
    const [a, b, planter, folder, elsewhere] = [
      await openTestJournal(),
      await openTestJournal(),
      await openTestJournal(),
      tempDir(),
      tempDir()
    ]
    await a.call('reviews.create', { title: 'Sealed' })
    await sync(a, folder, 'correct horse')
    await sync(b, folder, 'correct horse')
    await planter.call('reviews.create', { title: 'Planted' })
    await sync(planter, elsewhere)
    const [plainFile] = deviceFiles(planter, elsewhere)
    const plainDevice = join(plainFile, '..')
    await a.call('reviews.create', { title: 'Sealed later' })
    await sync(a, folder, 'correct horse')
    const before = untouched(b)

    // A whole device that writes in the clear, put beside the sealed ones.
    const planted = join(folder, 'devices', plainDevice.split('/').pop()!)
    cpSync(plainDevice, planted, { recursive: true })
    const refused = await refusal(sync(b, folder, 'correct horse'))
    expect(refused.code).toBe('NOT_ENCRYPTED')
    expect(refused.message).toMatch(/without a passphrase/)
    expect(untouched(b)).toEqual(before)
    rmSync(planted, { recursive: true })

    // One file in the clear among a sealed device's own.
    const sealedDir = join(deviceFiles(a, folder)[0], '..')
    const intruder = join(sealedDir, 'zz-planted.rjsync')
    copyFileSync(plainFile, intruder)
    expect((await refusal(sync(b, folder, 'correct horse'))).code).toBe('NOT_ENCRYPTED')
    expect(untouched(b)).toEqual(before)
    rmSync(intruder)

    await sync(b, folder, 'correct horse')
    expect((await b.call('reviews.list', {})).map((r) => r.title).sort()).toEqual(['Sealed', 'Sealed later'])
  })

  it('writes back its own description when it goes missing, so its older files stay readable', async () => {
    const [a, b, folder] = [await openTestJournal(), await openTestJournal(), tempDir()]
    await a.call('reviews.create', { title: 'Before' })
    await sync(a, folder, 'correct horse')
    const [first] = deviceFiles(a, folder)
    const description = join(first, '..', 'device.json')
    const original = readFileSync(description, 'utf8')
    rmSync(description)
    await a.call('reviews.create', { title: 'After' })
    await sync(a, folder, 'correct horse')
    expect(readFileSync(description, 'utf8')).toBe(original)
    await sync(b, folder, 'correct horse')
    expect((await b.call('reviews.list', {})).map((r) => r.title).sort()).toEqual(['After', 'Before'])
  })

  it('refuses a folder it cannot read', async () => {
    const journal = await openTestJournal()
    const missing = join(tempDir(), 'not-there')
    expect((await refusal(sync(journal, missing))).code).toBe('FOLDER_UNREADABLE')
    mkdirSync(missing)
    await sync(journal, missing)
  })
})
