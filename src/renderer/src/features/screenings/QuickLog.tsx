import { useEffect } from 'react'
import { journal } from '../../bridge'
import { useQuickLog } from './quickLogStore'
import { openQuickLogFromHere } from './logFromHere'
import { QuickLogDialog } from './QuickLogDialog'
import { ConfirmDelete } from './ConfirmDelete'

/** True for Ctrl+L (Cmd+L on macOS), the quick-log shortcut. */
export function isQuickLogShortcut(event: KeyboardEvent): boolean {
  return (
    (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l'
  )
}

/**
 * Quick log from anywhere: the sidebar button, Ctrl/Cmd+L on any screen, and the desktop
 * menu's "Log screening" command all open the same dialog.
 */
export function QuickLog() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isQuickLogShortcut(event) || useQuickLog.getState().open) return
      event.preventDefault()
      openQuickLogFromHere()
    }
    window.addEventListener('keydown', onKey)
    const stop = journal.on('app.command', (payload) => {
      if (payload.command === 'log-screening') openQuickLogFromHere()
    })
    return () => {
      window.removeEventListener('keydown', onKey)
      stop()
    }
  }, [])
  return (
    <>
      <button
        type="button"
        className="quick-log-button"
        aria-keyshortcuts="Control+L"
        onClick={openQuickLogFromHere}
      >
        Log a screening <kbd>Ctrl+L</kbd>
      </button>
      <QuickLogDialog />
      <ConfirmDelete />
    </>
  )
}
