import {
  CHANNEL_NAMES,
  EVENT_NAMES,
  type EventName,
  type JournalApi,
  type JournalEvents,
  type Result
} from './contract'

/** The two IPC channels Electron's preload and main speak over. */
export const IPC_INVOKE = 'journal:invoke'
export const IPC_EVENT = 'journal:event'

export type Invoke = (channel: string, input: unknown) => Promise<Result<unknown>>
export type Subscribe = <E extends EventName>(
  event: E,
  listener: (payload: JournalEvents[E]) => void
) => () => void

/**
 * Builds `window.journal` from the contract's channel list, so the preload and the browser
 * bridge expose exactly the same methods and no channel is spelled by hand.
 */
export function createJournalApi(invoke: Invoke, subscribe: Subscribe): JournalApi {
  const api: Record<string, unknown> = {}
  for (const name of CHANNEL_NAMES) {
    api[name] = (input?: unknown) => invoke(name, input)
  }
  api.on = <E extends EventName>(event: E, listener: (payload: JournalEvents[E]) => void) => {
    if (!(EVENT_NAMES as readonly string[]).includes(event)) {
      throw new Error(`Unknown event "${event}"`)
    }
    return subscribe(event, listener)
  }
  return Object.freeze(api) as JournalApi
}
