import { useEffect, useState } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot } from 'lexical'
import { countCharacters, countWords } from '../../../../shared/conversions/plainText'

export interface TextCounts {
  words: number
  characters: number
}

/** Recount once typing pauses this long… */
const QUIET_MS = 300
/** …or at least this often while it goes on, so the figures never fall far behind. */
const MAX_WAIT_MS = 2000

/**
 * Live word and character counts of the editor this is rendered in (inside its composer).
 * Counting a 20,000-word review takes a few milliseconds, so it waits for a pause in typing
 * rather than running between keystrokes, and only the component showing the counts re-renders.
 */
export function useTextCounts(initial: TextCounts): TextCounts {
  const [editor] = useLexicalComposerContext()
  const [counts, setCounts] = useState(initial)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    let waitingSince = 0
    const count = () => {
      timer = null
      editor.getEditorState().read(() => {
        const text = $getRoot().getTextContent()
        const next = { words: countWords(text), characters: countCharacters(text) }
        setCounts((prev) => (prev.words === next.words && prev.characters === next.characters ? prev : next))
      })
    }
    count()
    const stop = editor.registerTextContentListener(() => {
      const now = performance.now()
      if (timer === null) waitingSince = now
      else clearTimeout(timer)
      timer = setTimeout(count, Math.min(QUIET_MS, Math.max(0, waitingSince + MAX_WAIT_MS - now)))
    })
    return () => {
      stop()
      if (timer !== null) clearTimeout(timer)
    }
  }, [editor])
  return counts
}
