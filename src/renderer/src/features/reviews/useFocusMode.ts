import { useEffect, useState } from 'react'
import { matches, SHORTCUTS } from '../../editor/plugins/ShortcutsPlugin/shortcuts'

/**
 * Focus mode hides everything but the text (the sidebar and details too, hence a class on the
 * body). Ctrl/⌘+Shift+F toggles it, Escape leaves it; leaving the review leaves it too.
 */
export function useFocusMode(): [boolean, (on: boolean) => void] {
  const [focus, setFocus] = useState(false)
  useEffect(() => {
    document.body.classList.toggle('focus-mode', focus)
    const onKey = (event: KeyboardEvent) => {
      if (matches(event, SHORTCUTS.focus)) {
        event.preventDefault()
        setFocus((f) => !f)
      } else if (event.key === 'Escape' && focus) {
        setFocus(false)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('keydown', onKey)
      document.body.classList.remove('focus-mode')
    }
  }, [focus])
  return [focus, setFocus]
}
