import { describe, expect, it } from 'vitest'
import { openTestJournal } from '../support/journal'
import { readWindowState, saveWindowState } from '../../src/main/core/settings/settings'
import { DEFAULT_SETTINGS } from '../../src/shared/contract/settings'

describe('preferences', () => {
  it('start from the defaults and keep what the critic changes', async () => {
    const journal = await openTestJournal()
    expect(await journal.call('settings.get')).toEqual(DEFAULT_SETTINGS)
    const next = await journal.call('settings.update', { theme: 'dark', backupsToKeep: 4 })
    expect(next).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', backupsToKeep: 4 })
    expect(await journal.call('settings.get')).toEqual(next)
    expect(journal.events.at(-1)).toEqual({ event: 'data.changed', payload: { kinds: ['settings'] } })
  })

  it('refuse bad values with a message beside the field and change nothing', async () => {
    const journal = await openTestJournal()
    const cases: [unknown, string][] = [
      [{ theme: 'sepia' }, 'theme'],
      [{ backupsToKeep: 0 }, 'backupsToKeep'],
      [{ backupsToKeep: 2.5 }, 'backupsToKeep'],
      [{ backupsToKeep: 1e9 }, 'backupsToKeep'],
      [{ spellcheck: 'yes' }, 'spellcheck']
    ]
    for (const [patch, field] of cases) {
      const answer = await journal.dispatch('settings.update', patch)
      expect(answer).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', fields: { [field]: expect.any(String) } }
      })
    }
    expect(await journal.dispatch('settings.update', { evil: true })).toMatchObject({ ok: false })
    expect(await journal.call('settings.get')).toEqual(DEFAULT_SETTINGS)
  })

  it('fall back to the default for a stored value that no longer makes sense', async () => {
    const journal = await openTestJournal()
    journal.db
      .prepare(`INSERT INTO settings (key, value) VALUES ('preferences', ?)`)
      .run(JSON.stringify({ theme: 'neon', backupsToKeep: 7, spellcheck: false }))
    expect(await journal.call('settings.get')).toEqual({
      ...DEFAULT_SETTINGS,
      backupsToKeep: 7,
      spellcheck: false
    })
  })

  it('remember the window’s size and position, ignoring nonsense', async () => {
    const journal = await openTestJournal()
    expect(readWindowState(journal.db)).toBeNull()
    saveWindowState(journal.db, {
      x: 40,
      y: 60,
      width: 1300,
      height: 900,
      maximized: false,
      fullScreen: false
    })
    expect(readWindowState(journal.db)).toEqual({
      x: 40,
      y: 60,
      width: 1300,
      height: 900,
      maximized: false,
      fullScreen: false
    })
    saveWindowState(journal.db, { width: -5, height: 1e9, maximized: false, fullScreen: false })
    expect(readWindowState(journal.db)?.width).toBe(1300)
  })
})
