import { describe, expect, it } from 'vitest'
import { CHANNEL_NAMES, channels } from '../../src/shared/contract'
import { registerHandlers } from '../../src/main/core/dispatch'
import { handlers } from '../../src/main/core/handlers'
import { openTestJournal, tempDir } from '../support/journal'

describe('the contract', () => {
  it('has exactly one handler for every channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNEL_NAMES].sort())
  })

  it('refuses a registration with a missing, duplicate or unknown handler', () => {
    const [first, ...rest] = CHANNEL_NAMES
    const all = Object.fromEntries(CHANNEL_NAMES.map((n) => [n, () => null]))
    const withoutFirst = Object.fromEntries(rest.map((n) => [n, () => null]))
    expect(() => registerHandlers([withoutFirst])).toThrow(`Channels without a handler: ${first}`)
    expect(() => registerHandlers([all, { [first]: () => null }])).toThrow(`"${first}" has two handlers`)
    expect(() => registerHandlers([all, { 'nope.never': () => null } as never])).toThrow(
      'unknown channel "nope.never"'
    )
  })

  it('answers an unknown channel with data, not a throw', async () => {
    const journal = await openTestJournal()
    const result = await journal.dispatch('reviews.drop', {})
    expect(result).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: expect.stringContaining('reviews.drop') }
    })
  })

  it('answers INVALID_INPUT to malformed payloads on every channel that takes input, writing nothing', async () => {
    const journal = await openTestJournal()
    const before = journal.db.prepare('SELECT total_changes() AS n').get()
    for (const name of CHANNEL_NAMES) {
      for (const payload of [42, 'text', [1, 2], { unexpected: true, id: 7 }]) {
        const result = await journal.dispatch(name, payload)
        expect(result.ok, `${name} accepted ${JSON.stringify(payload)}`).toBe(false)
        if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT')
      }
    }
    expect(journal.db.prepare('SELECT total_changes() AS n').get()).toEqual(before)
  })

  it('names each field that failed so forms can show messages beside them', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', {})
    const result = await journal.dispatch('reviews.save', { id: review.id, rating: 3.3 })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.fields?.rating).toMatch(/half stars/)
  })

  it('declares every channel with a zod schema', () => {
    for (const name of CHANNEL_NAMES) expect(typeof channels[name].input.safeParse).toBe('function')
  })
})

describe('storage failures', () => {
  it('answers STORAGE_UNAVAILABLE with a plain message when the file refuses writes', async () => {
    const journal = await openTestJournal()
    journal.db.pragma('query_only = ON')
    const result = await journal.dispatch('reviews.create', { title: 'Will not land' })
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.error).toMatchObject({
        code: 'STORAGE_UNAVAILABLE',
        message: expect.stringMatching(/read-only/)
      })
    journal.db.pragma('query_only = OFF')
    expect(await journal.call('reviews.list', {})).toEqual([])
  })
})

describe('an interactive host while another connection holds the write lock', () => {
  it('answers "busy" within milliseconds instead of blocking, and the write lands once the lock is free', async () => {
    const { openCore } = await import('../../src/main/core')
    const Database = (await import('better-sqlite3')).default
    const { join } = await import('node:path')
    const dir = tempDir()
    const core = await openCore({ dataDir: dir, version: 'test', interactive: true })
    const importer = new Database(join(dir, 'journal.sqlite'))
    importer.exec('BEGIN IMMEDIATE')
    const started = performance.now()
    const refused = await core.dispatch('reviews.create', { title: 'During an import' })
    const waited = performance.now() - started
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'STORAGE_UNAVAILABLE', message: expect.stringMatching(/busy/) }
    })
    expect(waited).toBeLessThan(2000)
    importer.exec('ROLLBACK')
    importer.close()
    expect((await core.dispatch('reviews.create', { title: 'After it' })).ok).toBe(true)
    core.close()
  })
})
