import { randomUUID } from 'node:crypto'
import type { AppCommand } from '../shared/contract'
import type { Dispatch } from './core'

/** How long closing waits for the renderer to write its pending saves before giving up. */
export const FLUSH_TIMEOUT_MS = 4000

/**
 * Asks the renderer to write every pending save and waits for its `app.flushed` answer, or for
 * the timeout (a hung renderer must not keep the app from quitting).
 */
export class FlushCoordinator {
  private waiting = new Map<string, () => void>()

  constructor(
    private send: (command: AppCommand) => boolean,
    private timeoutMs = FLUSH_TIMEOUT_MS
  ) {}

  /** Resolves 'flushed' when the renderer answered, 'timeout' or 'no-window' otherwise. */
  request(): Promise<'flushed' | 'timeout' | 'no-window'> {
    const requestId = randomUUID()
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(requestId)
        resolve('timeout')
      }, this.timeoutMs)
      this.waiting.set(requestId, () => {
        clearTimeout(timer)
        resolve('flushed')
      })
      if (!this.send({ command: 'flush', requestId })) {
        clearTimeout(timer)
        this.waiting.delete(requestId)
        resolve('no-window')
      }
    })
  }

  /** Called when the renderer answers request `requestId`. */
  answered(requestId: string): void {
    const done = this.waiting.get(requestId)
    this.waiting.delete(requestId)
    done?.()
  }
}

/** Wraps the dispatcher so a successful `app.flushed` call also resolves the waiting request. */
export function observeFlushAnswers(dispatch: Dispatch, flush: FlushCoordinator): Dispatch {
  return async (channel, payload) => {
    const result = await dispatch(channel, payload)
    if (channel === 'app.flushed' && result.ok) flush.answered((payload as { requestId: string }).requestId)
    return result
  }
}
