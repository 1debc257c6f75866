import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import type { LexicalDoc } from '../../../../../shared/domain'

/**
 * Hands every content change (not selection moves) to `onChange` as the serialized document.
 * The review's save queue debounces and writes it; the document itself never lives in a store.
 */
export function AutosavePlugin({ onChange }: { onChange: (doc: LexicalDoc) => void }): null {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return
        if (tags.has('history-merge') && tags.has('load')) return
        onChange(editorState.toJSON() as unknown as LexicalDoc)
      }),
    [editor, onChange]
  )
  return null
}
