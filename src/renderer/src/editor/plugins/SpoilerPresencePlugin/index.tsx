import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { SpoilerNode } from '../../../../../shared/conversions/nodes'

/**
 * Tells `onChange` whether the text holds any spoiler mark, once when the document loads and
 * again whenever the first mark appears or the last one goes. A mutation listener sees only
 * spoiler nodes being made or removed, so typing elsewhere costs nothing.
 */
export function SpoilerPresencePlugin({ onChange }: { onChange(hasMarks: boolean): void }): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    const marks = new Set<string>()
    let reported: boolean | null = null
    const report = () => {
      const has = marks.size > 0
      if (has !== reported) onChange((reported = has))
    }
    const stop = editor.registerMutationListener(
      SpoilerNode,
      (mutations) => {
        for (const [key, mutation] of mutations) {
          if (mutation === 'destroyed') marks.delete(key)
          else marks.add(key)
        }
        report()
      },
      { skipInitialization: false }
    )
    report()
    return stop
  }, [editor, onChange])
  return null
}
