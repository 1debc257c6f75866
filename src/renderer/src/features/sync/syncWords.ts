import type { SyncKindCounts, SyncRoundReport, SyncStatus } from '../../../../shared/contract/sync'
import { countOf } from '../../ui/counts'
import { formatDateTime } from '../../ui/dates'

/** What the sidebar's mark shows: nothing until sync is set up. */
export type SyncMarkState = 'off' | 'syncing' | 'error' | 'pending' | 'synced'

export function markState(status: SyncStatus | null): SyncMarkState {
  if (!status?.target) return 'off'
  if (status.running) return 'syncing'
  if (status.lastError) return 'error'
  if (pendingTotal(status) > 0 || !status.lastSync) return 'pending'
  return 'synced'
}

export const pendingTotal = (status: SyncStatus) => status.pending.unsent + status.pending.uncaptured

/** "just now", "2 minutes ago", "3 hours ago", then the day and time. */
export function timeAgo(iso: string, now = Date.now()): string {
  const seconds = Math.round((now - new Date(iso).getTime()) / 1000)
  if (Number.isNaN(seconds)) return iso
  if (seconds < 45) return 'just now'
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${countOf(minutes, 'minute')} ago`
  const hours = Math.round(minutes / 60)
  if (hours < 24) return `${countOf(hours, 'hour')} ago`
  return formatDateTime(iso)
}

export function pendingWords(status: SyncStatus): string {
  const total = pendingTotal(status)
  if (!status.lastSync && total > 0) return `${countOf(total, 'record')} to send in the first sync`
  return total === 0 ? 'Nothing waiting to sync' : `${countOf(total, 'change')} waiting to sync`
}

/**
 * The mark's words: `short` is shown, `more` is read out after it and joins it in the tooltip,
 * so the accessible name starts with what is seen.
 */
export function markWords(status: SyncStatus | null, now = Date.now()): { short: string; more: string } {
  const state = markState(status)
  if (!status || state === 'off') return { short: 'Sync is off', more: '' }
  if (state === 'syncing') return { short: 'Syncing…', more: '' }
  if (state === 'error') return { short: 'Sync failed', more: `: ${status.lastError!.message}` }
  const last = status.lastSync ? `last synced ${timeAgo(status.lastSync.at, now)}` : 'not synced yet'
  if (state === 'synced') return { short: 'Synced', more: `, ${last}` }
  const total = pendingTotal(status)
  return {
    short: `${total.toLocaleString()} to sync`,
    more: ` (${countOf(total, 'change')} waiting), ${last}`
  }
}

const KIND_WORDS: Record<string, [string, string]> = {
  settings: ['preference', 'preferences'],
  works: ['film', 'films'],
  reviews: ['review', 'reviews'],
  revisions: ['revision', 'revisions'],
  screenings: ['screening', 'screenings'],
  responses: ['response', 'responses']
}

function countsWords(counts: SyncKindCounts): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n)
    .map(([kind, n]) => countOf(n!, ...(KIND_WORDS[kind] ?? [kind, kind])))
  return parts.length ? parts.join(', ') : 'nothing'
}

/** "Sent 2 reviews; received 1 film, 1 review." */
export function movedWords(report: SyncRoundReport): string {
  return `Sent ${countsWords(report.sent)}; received ${countsWords(report.applied)}.`
}
