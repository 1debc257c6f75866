import { createJournalApi } from '../../shared/bridge'
import type { JournalApi, Result } from '../../shared/contract'

/**
 * `window.journal` as the host provides it: Electron's preload sets it; in a browser the same
 * API is generated here over HTTP from the same channel list, with the per-run token the host
 * printed (taken from the URL fragment once, then kept for this tab only).
 */
function createHttpJournal(): JournalApi {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token')
  if (fromHash) {
    sessionStorage.setItem('journal-token', fromHash)
    history.replaceState(null, '', location.pathname + location.search)
  }
  const token = sessionStorage.getItem('journal-token') ?? ''
  let events: EventSource | null = null
  return createJournalApi(
    async (channel, input) => {
      try {
        const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-journal-token': token },
          body: input === undefined ? '' : JSON.stringify(input)
        })
        return (await response.json()) as Result<unknown>
      } catch {
        return {
          ok: false,
          error: {
            code: 'STORAGE_UNAVAILABLE',
            message: 'The journal is not reachable. Is the host still running?'
          }
        }
      }
    },
    (event, listener) => {
      events ??= new EventSource(`/api/events?token=${encodeURIComponent(token)}`)
      const relay = (e: MessageEvent) => listener(JSON.parse(e.data as string))
      events.addEventListener(event, relay)
      return () => events?.removeEventListener(event, relay)
    }
  )
}

export const journal: JournalApi = window.journal ?? createHttpJournal()

/** Unwraps a channel's answer for store actions: the value, or an Error carrying the message. */
export class JournalCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>
  ) {
    super(message)
  }
}

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending
  if (result.ok) return result.value
  throw new JournalCallError(result.error.code, result.error.message, result.error.fields)
}
