import { useEffect } from 'react'
import { journal } from '../../bridge'
import { useNavigation } from '../../app/navigationStore'
import { useSearch } from './searchStore'

/** Opens search and focuses its box. */
export function openSearch(): void {
  useNavigation.getState().go('search')
  useSearch.getState().requestFocus()
}

/**
 * Ctrl/Cmd+K from anywhere (caught before the editor sees it) and the menu's "Search the
 * Journal…" both open the search box. Renders nothing.
 */
export function SearchShortcut() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (
        (event.ctrlKey || event.metaKey) &&
        !event.altKey &&
        !event.shiftKey &&
        event.key.toLowerCase() === 'k'
      ) {
        event.preventDefault()
        event.stopPropagation()
        openSearch()
      }
    }
    window.addEventListener('keydown', onKey, { capture: true })
    const stop = journal.on('app.command', (payload) => {
      if (payload.command === 'search') openSearch()
    })
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true })
      stop()
    }
  }, [])
  return null
}
