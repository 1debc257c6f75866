import { useEffect } from 'react'
import type { AppCommand } from '../../../shared/contract'
import { journal, unwrap } from '../bridge'
import { useNavigation } from './navigationStore'
import { reportError } from './noticeStore'
import { focusScreen } from './focusScreen'
import { startNewReview } from '../features/reviews/newReview'
import { useArchives } from '../features/archives/archivesStore'
import { flushPendingSaves } from '../features/reviews/pendingSaves'

/** Every keyboard shortcut of the app, for the preferences screen and the menu's labels. */
export const SHORTCUTS: [keys: string, action: string][] = [
  ['Ctrl+N', 'New review'],
  ['Ctrl+L', 'Log a screening'],
  ['Ctrl+K', 'Search the journal'],
  ['Ctrl+O', 'Import…'],
  ['Ctrl+Shift+E', 'Export…'],
  ['Ctrl+,', 'Preferences'],
  ['Ctrl+1 … Ctrl+9', 'Go to a screen (in the order of the sidebar)'],
  ['Ctrl+Z / Ctrl+Shift+Z', 'Undo / redo'],
  ['Ctrl+= / Ctrl+- / Ctrl+0', 'Zoom in / out / reset (desktop app)']
]

/** Keys this hook answers itself; new review, quick log and search have their own listeners. */
function commandForKey(event: KeyboardEvent): AppCommand | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null
  const key = event.key.toLowerCase()
  if (key === 'o' && !event.shiftKey) return { command: 'import' }
  if (key === 'e' && event.shiftKey) return { command: 'export' }
  if (key === ',' && !event.shiftKey) return { command: 'preferences' }
  return null
}

/** Carries out one command from the desktop menu, an opened file, or the keyboard. */
export async function runAppCommand(command: AppCommand): Promise<void> {
  const { go } = useNavigation.getState()
  switch (command.command) {
    case 'new-review':
      return startNewReview()
    case 'import': {
      go('archives')
      const archives = useArchives.getState()
      if (command.file) {
        // An archive opened from the desktop: show what importing it would do, then let the critic decide.
        useArchives.setState({ file: command.file, preview: null, report: null, error: null })
        await archives.runPreview()
      } else {
        if (!archives.capabilities) await archives.load()
        if (useArchives.getState().capabilities?.nativeDialogs) await archives.chooseNative(false)
      }
      return
    }
    case 'export':
      go('archives')
      return focusScreen()
    case 'preferences':
      go('settings')
      return focusScreen()
    case 'backups':
      go('backups')
      return focusScreen()
    case 'flush':
      // The shell waits for this answer before it closes the window or quits.
      await flushPendingSaves().catch(reportError)
      await unwrap(journal['app.flushed']({ requestId: command.requestId }))
      return
    case 'log-screening':
    case 'search':
      return // the quick log and the search shortcut listen for these themselves
  }
}

/** Answers the desktop shell's commands and the matching keyboard shortcuts, in one place. */
export function useAppCommands(): void {
  useEffect(() => {
    const stop = journal.on('app.command', (command) => void runAppCommand(command).catch(reportError))
    const onKey = (event: KeyboardEvent) => {
      const command = commandForKey(event)
      if (!command) return
      event.preventDefault()
      void runAppCommand(command).catch(reportError)
    }
    window.addEventListener('keydown', onKey)
    return () => {
      stop()
      window.removeEventListener('keydown', onKey)
    }
  }, [])
}
