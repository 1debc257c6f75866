import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND } from 'lexical'
import { $insertGeneratedNodes } from '@lexical/clipboard'
import { $generateJournalNodesFromHtml } from '../../../../../shared/conversions/html'

const parser = typeof DOMParser === 'undefined' ? null : new DOMParser()

/** Parses HTML with the browser's own parser (inert: nothing in it runs or loads). */
export function parseHtmlInBrowser(html: string): Document {
  return parser!.parseFromString(html, 'text/html')
}

/**
 * Cleans HTML pasted from web pages and word processors through the shared conversions, so
 * that only the review's own formats arrive (no foreign styles, scripts or images). A copy from
 * this editor itself keeps Lexical's exact nodes; plain text is left to Lexical.
 */
export function PastePlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = 'clipboardData' in event ? event.clipboardData : null
          if (!data || data.types.includes('application/x-lexical-editor')) return false
          const html = data.getData('text/html')
          if (!html) return false
          event.preventDefault()
          editor.update(() => {
            const selection = $getSelection()
            if (!$isRangeSelection(selection)) return
            const nodes = $generateJournalNodesFromHtml(editor, html, parseHtmlInBrowser)
            $insertGeneratedNodes(editor, nodes, selection)
          })
          return true
        },
        COMMAND_PRIORITY_HIGH
      ),
    [editor]
  )
  return null
}
