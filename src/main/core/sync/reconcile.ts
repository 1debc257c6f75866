import {
  $getRoot,
  $isElementNode,
  $isTextNode,
  $parseSerializedNode,
  type ElementNode,
  type LexicalNode,
  type SerializedEditorState,
  type SerializedLexicalNode,
  type TextNode
} from 'lexical'

/**
 * Turns the editor's document into `target` by the smallest edit a person would have made:
 * blocks that did not change are left alone (so their Yjs items stay), a changed block of the
 * same kind is edited in place down to its text, whose new characters the collaboration
 * binding then writes as a diff. Replacing the whole tree instead would make two devices'
 * concurrent edits of one review merge into two copies of it.
 */
export function $reconcileRoot(target: SerializedEditorState): void {
  $reconcileChildren($getRoot(), target.root.children)
}

type Serialized = SerializedLexicalNode & { children?: Serialized[]; text?: string }

/** The node as `exportJSON` gives it, children included (what a document stores). */
function $serialize(node: LexicalNode): Serialized {
  const json = node.exportJSON() as Serialized
  if ($isElementNode(node)) json.children = node.getChildren().map($serialize)
  return json
}

/** Equal as data: documents from elsewhere (an import, another version) order keys their own way. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  if (keysA.length !== keysB.length) return false
  return keysA.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

/** Everything of a serialized node but its children and text: what an in-place edit keeps. */
function ownProperties(node: Serialized): Serialized {
  const { children: _children, text: _text, ...rest } = node
  return rest as Serialized
}

function $reconcileChildren(parent: ElementNode, target: Serialized[]): void {
  const current = parent.getChildren()
  const serialized = current.map($serialize)
  // Blocks equal at both ends stay as they are; only the middle differs.
  let start = 0
  while (start < current.length && start < target.length && same(serialized[start], target[start])) start++
  let endCurrent = current.length
  let endTarget = target.length
  while (endCurrent > start && endTarget > start && same(serialized[endCurrent - 1], target[endTarget - 1])) {
    endCurrent--
    endTarget--
  }
  const changed = current.slice(start, endCurrent)
  const wanted = target.slice(start, endTarget)
  const paired = Math.min(changed.length, wanted.length)
  let anchor: LexicalNode | null = start > 0 ? current[start - 1] : null
  for (let i = 0; i < paired; i++) anchor = $reconcileNode(changed[i], serialized[start + i], wanted[i])
  for (const extra of changed.slice(paired)) extra.remove()
  // New blocks go after the last one kept in the middle, else after the unchanged start.
  for (const json of wanted.slice(paired)) {
    const node = $parseSerializedNode(json)
    if (anchor) anchor.insertAfter(node)
    else if (parent.getFirstChild()) parent.getFirstChild()!.insertBefore(node)
    else parent.append(node)
    anchor = node
  }
}

/** Edits `node` into `target` in place where it can, else replaces it; answers the node now there. */
function $reconcileNode(node: LexicalNode, now: Serialized, target: Serialized): LexicalNode {
  if (same(now, target)) return node
  if ($isTextNode(node) && now.type === target.type) {
    $reconcileText(node, target)
    return node
  }
  if ($isElementNode(node) && now.type === target.type && same(ownProperties(now), ownProperties(target))) {
    $reconcileChildren(node, target.children ?? [])
    return node
  }
  return node.replace($parseSerializedNode(target))
}

/** A text node edited in place: its characters (the binding diffs them), then its format. */
function $reconcileText(node: TextNode, target: Serialized): void {
  const json = target as Serialized & { format?: number; style?: string; mode?: string; detail?: number }
  if (node.getTextContent() !== json.text) node.setTextContent(json.text ?? '')
  if (json.format !== undefined && node.getFormat() !== json.format) node.setFormat(json.format)
  if (json.style !== undefined && node.getStyle() !== json.style) node.setStyle(json.style)
  if (json.detail !== undefined && node.getDetail() !== json.detail) node.setDetail(json.detail)
  if (json.mode !== undefined && node.getMode() !== json.mode) node.setMode(json.mode as 'normal')
}
