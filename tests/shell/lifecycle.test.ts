import { describe, expect, it, vi } from 'vitest'
import { Emitter } from './electron-mock'
import { FlushCoordinator, observeFlushAnswers } from '../../src/main/flush'
import { flushBeforeLeaving } from '../../src/main/lifecycle'
import type { AppCommand } from '../../src/shared/contract'

/** A renderer that answers every flush request after `delay` ms (or never, when null). */
function renderer(delay: number | null) {
  const sent: AppCommand[] = []
  const flush: FlushCoordinator = new FlushCoordinator((command) => {
    sent.push(command)
    if (command.command === 'flush' && delay !== null)
      setTimeout(() => flush.answered(command.requestId), delay)
    return true
  }, 200)
  return { flush, sent }
}

function fakeWindow() {
  const window = Object.assign(new Emitter(), {
    destroyed: false,
    isDestroyed: () => window.destroyed,
    close: vi.fn(() => {
      if (!window.fire('close')) window.destroyed = true
    })
  })
  return window
}

describe('flushing pending saves before leaving', () => {
  it('waits for the renderer’s answer, or for the timeout when it hangs', async () => {
    expect(await renderer(10).flush.request()).toBe('flushed')
    expect(await renderer(null).flush.request()).toBe('timeout')
    expect(await new FlushCoordinator(() => false).request()).toBe('no-window')
  })

  it('treats a successful app.flushed call as the answer', async () => {
    const sent: AppCommand[] = []
    const flush = new FlushCoordinator((c) => (sent.push(c), true), 5000)
    const dispatch = observeFlushAnswers(async () => ({ ok: true, value: { received: true } }), flush)
    const waiting = flush.request()
    const requestId = (sent[0] as { requestId: string }).requestId
    await dispatch('app.flushed', { requestId })
    expect(await waiting).toBe('flushed')
  })

  it('holds the window open until the saves are written, then closes it', async () => {
    const { flush, sent } = renderer(20)
    const window = fakeWindow()
    const app = Object.assign(new Emitter(), { quit: vi.fn() })
    const beforeClose = vi.fn()
    flushBeforeLeaving({
      app: app as never,
      powerMonitor: new Emitter() as never,
      window: window as never,
      flush,
      beforeClose
    })

    expect(window.fire('close')).toBe(true)
    expect(sent).toEqual([{ command: 'flush', requestId: expect.any(String) }])
    expect(window.close).not.toHaveBeenCalled()
    await vi.waitFor(() => expect(window.close).toHaveBeenCalled())
    expect(beforeClose).toHaveBeenCalledOnce()
    expect(window.destroyed).toBe(true)
  })

  it('holds quitting until the saves are written', async () => {
    const { flush, sent } = renderer(20)
    const window = fakeWindow()
    const app = Object.assign(new Emitter(), { quit: vi.fn() })
    flushBeforeLeaving({
      app: app as never,
      powerMonitor: new Emitter() as never,
      window: window as never,
      flush
    })

    expect(app.fire('before-quit')).toBe(true)
    expect(app.fire('before-quit')).toBe(true)
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce())
    expect(sent).toHaveLength(1) // two quit requests share one flush
    expect(app.fire('before-quit')).toBe(false)
    // Quitting then closes the window: no second flush, and the window is let go.
    expect(window.fire('close')).toBe(false)
    expect(sent).toHaveLength(1)
  })

  it('holds an OS shutdown (Linux, macOS) and a Windows session end until the saves are written', async () => {
    for (const [source, event] of [
      ['power', 'shutdown'],
      ['window', 'query-session-end']
    ] as const) {
      const { flush, sent } = renderer(20)
      const window = fakeWindow()
      const app = Object.assign(new Emitter(), { quit: vi.fn() })
      const power = new Emitter()
      flushBeforeLeaving({ app: app as never, powerMonitor: power as never, window: window as never, flush })
      expect((source === 'power' ? power : window).fire(event)).toBe(true)
      expect(sent).toHaveLength(1)
      expect(app.quit).not.toHaveBeenCalled()
      await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce())
    }
  })

  it('still closes when the renderer never answers', async () => {
    const { flush } = renderer(null)
    const window = fakeWindow()
    flushBeforeLeaving({
      app: Object.assign(new Emitter(), { quit: vi.fn() }) as never,
      powerMonitor: new Emitter() as never,
      window: window as never,
      flush
    })
    window.fire('close')
    await vi.waitFor(() => expect(window.destroyed).toBe(true), { timeout: 2000 })
  })
})
