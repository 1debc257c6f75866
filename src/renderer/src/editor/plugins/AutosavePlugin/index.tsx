import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { HISTORY_MERGE_TAG, type EditorState } from 'lexical'

/**
 * Hands every change the critic makes (not selection moves) to `onChange` as the editor state.
 * The state is immutable, so keeping it costs nothing; it is serialized only when the save queue
 * writes, which keeps typing in a 20,000-word review free of per-keystroke JSON work.
 *
 * Reading is not editing: loading the document, and the editor's own normalising of what it
 * loaded (joining neighbouring runs of text, a plugin's transforms marking nodes dirty as it
 * registers), arrive as updates tagged `history-merge` and are not handed on. Were they, merely
 * opening an imported post would save it, date it today and move it to the top of the list. What
 * they normalise is saved with the first real edit, which sends the whole document.
 */
export function AutosavePlugin({ onChange }: { onChange: (state: EditorState) => void }): null {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return
        if (tags.has(HISTORY_MERGE_TAG)) return
        onChange(editorState)
      }),
    [editor, onChange]
  )
  return null
}
