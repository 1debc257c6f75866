import { describe, expect, it } from 'vitest'
import type { SyncStatus } from '../../../../shared/contract/sync'
import { markState, markWords, movedWords, pendingWords, timeAgo } from './syncWords'

const NOW = Date.parse('2026-12-07T12:00:00.000Z')
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString()

function status(patch: Partial<SyncStatus> = {}): SyncStatus {
  return {
    target: { kind: 'folder', folder: '/shared', encrypted: false },
    automatic: true,
    running: false,
    lastSync: { at: ago(120), report: { captured: {}, sent: {}, received: {}, applied: {} } },
    lastError: null,
    pending: { unsent: 0, uncaptured: 0 },
    serverAvailable: true,
    folderDialog: false,
    ...patch
  }
}

describe('what the sync status says to a person', () => {
  it('names the mark’s state: off, syncing before failed, failed before waiting', () => {
    expect(markState(null)).toBe('off')
    expect(markState(status({ target: null }))).toBe('off')
    expect(markState(status())).toBe('synced')
    expect(markState(status({ pending: { unsent: 0, uncaptured: 2 } }))).toBe('pending')
    expect(markState(status({ lastSync: null }))).toBe('pending')
    const failed = { code: 'WRONG_PASSPHRASE', message: 'Wrong passphrase.', at: ago(5) }
    expect(markState(status({ lastError: failed, pending: { unsent: 1, uncaptured: 0 } }))).toBe('error')
    expect(markState(status({ lastError: failed, running: true }))).toBe('syncing')
  })

  it('says how long ago in words, and a date past a day', () => {
    expect(timeAgo(ago(10), NOW)).toBe('just now')
    expect(timeAgo(ago(60), NOW)).toBe('1 minute ago')
    expect(timeAgo(ago(125), NOW)).toBe('2 minutes ago')
    expect(timeAgo(ago(3 * 3600), NOW)).toBe('3 hours ago')
    expect(timeAgo(ago(3 * 86400), NOW)).toMatch(/2026/)
  })

  it('starts the mark’s accessible name with the words it shows', () => {
    for (const s of [
      status(),
      status({ running: true }),
      status({ pending: { unsent: 1, uncaptured: 2 } }),
      status({ lastError: { code: 'TAMPERED', message: 'A file was tampered with.', at: ago(1) } })
    ]) {
      const { short, more } = markWords(s, NOW)
      expect((short + more).startsWith(short)).toBe(true)
      expect(short.length).toBeGreaterThan(0)
    }
    expect(markWords(status({ pending: { unsent: 1, uncaptured: 2 } }), NOW)).toEqual({
      short: '3 to sync',
      more: ' (3 changes waiting), last synced 2 minutes ago'
    })
  })

  it('counts what waits and what moved, agreeing in number', () => {
    expect(pendingWords(status())).toBe('Nothing waiting to sync')
    expect(pendingWords(status({ pending: { unsent: 0, uncaptured: 1 } }))).toBe('1 change waiting to sync')
    expect(pendingWords(status({ lastSync: null, pending: { unsent: 0, uncaptured: 4 } }))).toBe(
      '4 records to send in the first sync'
    )
    expect(
      movedWords({ captured: {}, sent: { reviews: 2, works: 1 }, received: {}, applied: { responses: 1 } })
    ).toBe('Sent 2 reviews, 1 film; received 1 response.')
  })
})
