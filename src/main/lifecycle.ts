import type { App, BrowserWindow, PowerMonitor } from 'electron'
import type { FlushCoordinator } from './flush'

interface Preventable {
  preventDefault(): void
}

/**
 * Closing the window, quitting and the OS shutting down all write pending saves first: each is
 * held back once, the renderer is asked to flush, and then the same action goes ahead.
 */
export function flushBeforeLeaving(options: {
  app: Pick<App, 'on' | 'quit'>
  powerMonitor: Pick<PowerMonitor, 'on'>
  window: BrowserWindow
  flush: FlushCoordinator
  /** Runs once the renderer flushed, just before the window closes (e.g. remember its bounds). */
  beforeClose?: () => void
}): void {
  const { app, powerMonitor, window, flush, beforeClose } = options
  let windowMayClose = false
  let appMayQuit = false
  let flushing: Promise<unknown> | null = null
  const flushOnce = () => (flushing ??= flush.request().finally(() => (flushing = null)))

  // Once flushed, the window may close (and quitting, which closes it, asks nothing more).
  const release = () => {
    if (!windowMayClose) beforeClose?.()
    windowMayClose = true
  }

  window.on('close', (event: Preventable) => {
    if (windowMayClose) return
    event.preventDefault()
    void flushOnce().then(() => {
      release()
      window.close()
    })
  })

  let quitting = false
  const quitAfterFlush = (event?: Preventable) => {
    if (appMayQuit || window.isDestroyed()) return
    event?.preventDefault()
    if (quitting) return
    quitting = true
    void flushOnce().then(() => {
      release()
      appMayQuit = true
      app.quit()
    })
  }
  app.on('before-quit', quitAfterFlush)
  // Linux and macOS: delays shutdown while we flush. Windows: the window hears the session end.
  ;(powerMonitor.on as (event: string, fn: (event?: Preventable) => void) => void)('shutdown', quitAfterFlush)
  ;(window.on as (event: string, fn: (event: Preventable) => void) => void)(
    'query-session-end',
    quitAfterFlush
  )
}
