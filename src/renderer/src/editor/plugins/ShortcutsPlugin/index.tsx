import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { COMMAND_PRIORITY_NORMAL, FORMAT_TEXT_COMMAND, KEY_DOWN_COMMAND, type LexicalEditor } from 'lexical'
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list'
import { INSERT_HORIZONTAL_RULE_COMMAND, SET_BLOCK_TYPE_COMMAND } from '../../commands/blocks'
import { TOGGLE_SPOILER_COMMAND } from '../../commands/spoiler'
import { OPEN_LINK_EDITOR_COMMAND } from '../LinkEditPlugin'
import { matches, SHORTCUTS, type ShortcutId } from './shortcuts'

const ACTIONS: Partial<Record<ShortcutId, (editor: LexicalEditor) => void>> = {
  strikethrough: (e) => e.dispatchCommand(FORMAT_TEXT_COMMAND, 'strikethrough'),
  spoiler: (e) => e.dispatchCommand(TOGGLE_SPOILER_COMMAND, undefined),
  link: (e) => e.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined),
  paragraph: (e) => e.dispatchCommand(SET_BLOCK_TYPE_COMMAND, 'paragraph'),
  h2: (e) => e.dispatchCommand(SET_BLOCK_TYPE_COMMAND, 'h2'),
  h3: (e) => e.dispatchCommand(SET_BLOCK_TYPE_COMMAND, 'h3'),
  quote: (e) => e.dispatchCommand(SET_BLOCK_TYPE_COMMAND, 'quote'),
  pullquote: (e) => e.dispatchCommand(SET_BLOCK_TYPE_COMMAND, 'pullquote'),
  number: (e) => e.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined),
  bullet: (e) => e.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined),
  rule: (e) => e.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined)
}

/** The editor's keyboard shortcuts beyond Lexical's own (see `SHORTCUTS`). */
export function ShortcutsPlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          for (const [id, run] of Object.entries(ACTIONS)) {
            if (!matches(event, SHORTCUTS[id as ShortcutId])) continue
            event.preventDefault()
            run(editor)
            return true
          }
          return false
        },
        COMMAND_PRIORITY_NORMAL
      ),
    [editor]
  )
  return null
}
