import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot } from 'lexical'
import { countCharacters, countWords } from '../../../../../shared/conversions/plainText'

export interface TextCounts {
  words: number
  characters: number
}

/** How long typing may pause before the counts refresh; keeps long reviews responsive. */
const COUNT_DELAY_MS = 150

/** Reports live word and character counts, recounted shortly after each change. */
export function WordCountPlugin({ onCounts }: { onCounts: (counts: TextCounts) => void }): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const count = () => {
      timer = null
      editor.getEditorState().read(() => {
        const text = $getRoot().getTextContent()
        onCounts({ words: countWords(text), characters: countCharacters(text) })
      })
    }
    count()
    const stop = editor.registerTextContentListener(() => {
      if (timer === null) timer = setTimeout(count, COUNT_DELAY_MS)
    })
    return () => {
      stop()
      if (timer !== null) clearTimeout(timer)
    }
  }, [editor, onCounts])
  return null
}
