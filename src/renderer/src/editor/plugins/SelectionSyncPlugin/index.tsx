import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  $createRangeSelectionFromDom,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  SKIP_DOM_SELECTION_TAG,
  type LexicalEditor
} from 'lexical'

/**
 * Brings the editor's selection up to date with the page's before a key is handled.
 *
 * Lexical learns of caret moves the browser makes itself (End, arrows, Page Down) from
 * `selectionchange`, which Chromium queues as an ordinary task, while key presses are input
 * and run first. Keys Lexical handles on keydown (Enter, Backspace, Tab) use its last known
 * selection, so End then Enter pressed quickly on a busy page could split the paragraph where
 * the caret was before End, or replace text that was selected a moment earlier.
 */
export function SelectionSyncPlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerRootListener((root) => {
        if (!root) return
        const onKeyDown = (event: KeyboardEvent) => syncFromPage(editor, event)
        // Capture on the root runs before Lexical's own keydown listener on the same element.
        root.addEventListener('keydown', onKeyDown, true)
        return () => root.removeEventListener('keydown', onKeyDown, true)
      }),
    [editor]
  )
  return null
}

function syncFromPage(editor: LexicalEditor, event: KeyboardEvent): void {
  if (event.isComposing || editor.isComposing()) return
  const root = editor.getRootElement()
  const page = root?.ownerDocument.getSelection() ?? null
  if (!root || !page?.anchorNode || !root.contains(page.anchorNode) || !root.contains(page.focusNode)) return
  const stale = editor.read(() => {
    const known = $getSelection()
    const actual = $createRangeSelectionFromDom(page, editor)
    // Only where the caret is matters: a collapsed selection's pending format (Ctrl+B before
    // typing) lives in Lexical alone and must survive.
    return (
      $isRangeSelection(known) &&
      actual !== null &&
      !(known.anchor.is(actual.anchor) && known.focus.is(actual.focus))
    )
  })
  if (!stale) return
  editor.update(
    () => {
      const actual = $createRangeSelectionFromDom(page, editor)
      if (actual) $setSelection(actual)
    },
    { discrete: true, tag: SKIP_DOM_SELECTION_TAG }
  )
}
