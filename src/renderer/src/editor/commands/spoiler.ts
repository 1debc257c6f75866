import {
  $getSelection,
  $isElementNode,
  $isLineBreakNode,
  $isRangeSelection,
  $isTextNode,
  createCommand,
  type LexicalCommand,
  type LexicalNode
} from 'lexical'
import { $findMatchingParent } from '@lexical/utils'
import { $createSpoilerNode, $isSpoilerNode } from '../../../../shared/conversions/nodes'

export const TOGGLE_SPOILER_COMMAND: LexicalCommand<void> = createCommand('TOGGLE_SPOILER_COMMAND')

/** True when the selection sits inside a spoiler. */
export function $isInSpoiler(): boolean {
  const selection = $getSelection()
  if (!$isRangeSelection(selection)) return false
  return $findMatchingParent(selection.anchor.getNode(), $isSpoilerNode) !== null
}

/**
 * Marks the selected text as a spoiler, or, when the selection is inside one, turns that
 * spoiler back into plain text. Each run of selected text within one paragraph becomes one mark.
 */
export function $toggleSpoiler(): void {
  const selection = $getSelection()
  if (!$isRangeSelection(selection)) return
  const existing = $findMatchingParent(selection.anchor.getNode(), $isSpoilerNode)
  if (existing && $isElementNode(existing)) {
    for (const child of existing.getChildren()) existing.insertBefore(child)
    existing.remove()
    return
  }
  if (selection.isCollapsed()) return
  const chosen = selection.extract().filter(isInlineLeafOrLink)
  const inChosen = new Set(chosen.map((n) => n.getKey()))
  const tops = chosen.filter((n) => !n.getParents().some((p) => inChosen.has(p.getKey())))
  let group: LexicalNode[] = []
  const wrap = () => {
    if (group.length === 0) return
    const spoiler = $createSpoilerNode()
    group[0]!.insertBefore(spoiler)
    spoiler.append(...group)
    group = []
  }
  for (const node of tops) {
    if ($findMatchingParent(node, $isSpoilerNode)) continue
    const previous = group.at(-1)
    if (previous && previous.getNextSibling() !== node) wrap()
    group.push(node)
  }
  wrap()
}

function isInlineLeafOrLink(node: LexicalNode): boolean {
  return (
    $isTextNode(node) ||
    $isLineBreakNode(node) ||
    ($isElementNode(node) && node.isInline() && !$isSpoilerNode(node))
  )
}
