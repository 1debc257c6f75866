import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  createCommand,
  type ElementNode,
  type LexicalCommand,
  type LexicalNode
} from 'lexical'
import { $setBlocksType } from '@lexical/selection'
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text'
import { $isListNode, ListNode } from '@lexical/list'
import { $findMatchingParent, $getNearestNodeOfType, $insertNodeToNearestRoot } from '@lexical/utils'
import {
  $createHorizontalRuleNode,
  $createPullQuoteNode,
  $isPullQuoteNode
} from '../../../../shared/conversions/nodes'

/** The kinds of block the toolbar shows and switches between. */
export type BlockType = 'paragraph' | 'h2' | 'h3' | 'quote' | 'pullquote' | 'bullet' | 'number'

export const SET_BLOCK_TYPE_COMMAND: LexicalCommand<BlockType> = createCommand('SET_BLOCK_TYPE_COMMAND')
export const INSERT_HORIZONTAL_RULE_COMMAND: LexicalCommand<void> = createCommand(
  'INSERT_HORIZONTAL_RULE_COMMAND'
)

/** The block the selection starts in, as the toolbar names it. */
export function $selectedBlockType(): BlockType | null {
  const selection = $getSelection()
  if (!$isRangeSelection(selection)) return null
  const anchor = selection.anchor.getNode()
  const block = topBlock(anchor)
  if (!block) return null
  if ($isListNode(block) || $getNearestNodeOfType(anchor, ListNode)) {
    const list = $getNearestNodeOfType(anchor, ListNode) ?? (block as ListNode)
    return list.getListType() === 'number' ? 'number' : 'bullet'
  }
  if ($isHeadingNode(block)) return block.getTag() === 'h3' ? 'h3' : 'h2'
  if ($isQuoteNode(block)) return 'quote'
  if ($isPullQuoteNode(block)) return 'pullquote'
  return 'paragraph'
}

function topBlock(node: LexicalNode): ElementNode | null {
  const found = $findMatchingParent(node, (n) => {
    const parent = n.getParent()
    return parent !== null && $isRootOrShadowRoot(parent)
  })
  return found as ElementNode | null
}

/**
 * Turns the selected blocks into `type`; choosing the type they already have turns them back
 * into paragraphs (so the toolbar buttons toggle). Lists are left to the list commands.
 */
export function $setBlockType(type: Exclude<BlockType, 'bullet' | 'number'>): void {
  const selection = $getSelection()
  if (!$isRangeSelection(selection)) return
  const target = $selectedBlockType() === type ? 'paragraph' : type
  $setBlocksType(selection, () => {
    switch (target) {
      case 'h2':
      case 'h3':
        return $createHeadingNode(target)
      case 'quote':
        return $createQuoteNode()
      case 'pullquote':
        return $createPullQuoteNode()
      default:
        return $createParagraphNode()
    }
  })
}

/** Puts a section break after the current block. */
export function $insertHorizontalRule(): void {
  const selection = $getSelection()
  if (!$isRangeSelection(selection)) return
  $insertNodeToNearestRoot($createHorizontalRuleNode())
}
