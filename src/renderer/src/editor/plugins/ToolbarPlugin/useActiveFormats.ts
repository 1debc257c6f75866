import { useEffect, useState } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  mergeRegister
} from 'lexical'
import { $findMatchingParent } from '@lexical/utils'
import { $isLinkNode } from '@lexical/link'
import { $selectedBlockType, type BlockType } from '../../commands/blocks'
import { $isInSpoiler } from '../../commands/spoiler'

export interface ActiveFormats {
  bold: boolean
  italic: boolean
  underline: boolean
  strikethrough: boolean
  spoiler: boolean
  link: string | null
  block: BlockType | null
  canUndo: boolean
  canRedo: boolean
}

const NONE: ActiveFormats = {
  bold: false,
  italic: false,
  underline: false,
  strikethrough: false,
  spoiler: false,
  link: null,
  block: 'paragraph',
  canUndo: false,
  canRedo: false
}

function same(a: ActiveFormats, b: ActiveFormats): boolean {
  return (Object.keys(a) as (keyof ActiveFormats)[]).every((k) => a[k] === b[k])
}

/** What the selection has on: the toolbar shows these as pressed buttons. */
export function useActiveFormats(): ActiveFormats {
  const [editor] = useLexicalComposerContext()
  const [formats, setFormats] = useState<ActiveFormats>(NONE)
  useEffect(() => {
    const update = (patch: Partial<ActiveFormats>) =>
      setFormats((prev) => {
        const next = { ...prev, ...patch }
        return same(prev, next) ? prev : next
      })
    return mergeRegister(
      editor.registerUpdateListener(({ editorState }) =>
        editorState.read(() => {
          const selection = $getSelection()
          if (!$isRangeSelection(selection)) return
          const link = $findMatchingParent(selection.anchor.getNode(), $isLinkNode)
          update({
            bold: selection.hasFormat('bold'),
            italic: selection.hasFormat('italic'),
            underline: selection.hasFormat('underline'),
            strikethrough: selection.hasFormat('strikethrough'),
            spoiler: $isInSpoiler(),
            link: $isLinkNode(link) ? link.getURL() : null,
            block: $selectedBlockType()
          })
        })
      ),
      editor.registerCommand(
        CAN_UNDO_COMMAND,
        (canUndo) => (update({ canUndo }), false),
        COMMAND_PRIORITY_LOW
      ),
      editor.registerCommand(
        CAN_REDO_COMMAND,
        (canRedo) => (update({ canRedo }), false),
        COMMAND_PRIORITY_LOW
      )
    )
  }, [editor])
  return formats
}
