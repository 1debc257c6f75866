import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { COMMAND_PRIORITY_EDITOR, mergeRegister } from 'lexical'
import {
  $insertHorizontalRule,
  $setBlockType,
  INSERT_HORIZONTAL_RULE_COMMAND,
  SET_BLOCK_TYPE_COMMAND
} from '../../commands/blocks'
import { $toggleSpoiler, TOGGLE_SPOILER_COMMAND } from '../../commands/spoiler'
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list'

/** Answers the journal's own editor commands (block types, spoilers, section breaks). */
export function JournalCommandsPlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          SET_BLOCK_TYPE_COMMAND,
          (type) => {
            if (type === 'bullet') return editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)
            if (type === 'number') return editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)
            $setBlockType(type)
            return true
          },
          COMMAND_PRIORITY_EDITOR
        ),
        editor.registerCommand(
          TOGGLE_SPOILER_COMMAND,
          () => ($toggleSpoiler(), true),
          COMMAND_PRIORITY_EDITOR
        ),
        editor.registerCommand(
          INSERT_HORIZONTAL_RULE_COMMAND,
          () => ($insertHorizontalRule(), true),
          COMMAND_PRIORITY_EDITOR
        )
      ),
    [editor]
  )
  return null
}
