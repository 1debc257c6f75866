import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import type { EditorState } from 'lexical'

/**
 * Hands every content change (not selection moves) to `onChange` as the editor state. The state
 * is immutable, so keeping it costs nothing; it is serialized only when the save queue writes,
 * which keeps typing in a 20,000-word review free of per-keystroke JSON work.
 */
export function AutosavePlugin({ onChange }: { onChange: (state: EditorState) => void }): null {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return
        if (tags.has('history-merge') && tags.has('load')) return
        onChange(editorState)
      }),
    [editor, onChange]
  )
  return null
}
