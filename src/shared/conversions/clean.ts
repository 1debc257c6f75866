import {
  $createParagraphNode,
  $isDecoratorNode,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  type ElementNode,
  type LexicalNode
} from 'lexical'
import { $createHeadingNode, $isHeadingNode } from '@lexical/rich-text'
import { $isListItemNode, $isListNode } from '@lexical/list'
import { $isLinkNode } from '@lexical/link'
import { safeLinkUrl } from './urls'

/** Bold, italic, strikethrough, underline: the only text formats a review keeps. */
export const SUPPORTED_TEXT_FORMATS = 1 | 2 | 4 | 8

/**
 * Brings imported or pasted nodes down to what a review supports: only the four text formats,
 * no inline styles or alignment, headings at H2/H3, safe links only (others become their text),
 * checklists as bulleted lists. Returns the nodes to use in place of `nodes`.
 */
export function $cleanImportedNodes(nodes: LexicalNode[]): LexicalNode[] {
  return nodes.flatMap($cleanNode)
}

function $cleanNode(node: LexicalNode): LexicalNode[] {
  if ($isTextNode(node)) {
    if ((node.getFormat() & ~SUPPORTED_TEXT_FORMATS) !== 0)
      node.setFormat(node.getFormat() & SUPPORTED_TEXT_FORMATS)
    if (node.getStyle() !== '') node.setStyle('')
    return [node]
  }
  if ($isDecoratorNode(node) || !$isElementNode(node)) return [node]
  if ($isLinkNode(node)) {
    const url = safeLinkUrl(node.getURL())
    if (url === null) return $cleanImportedNodes(node.getChildren())
    if (url !== node.getURL()) node.setURL(url)
    if (node.getTarget() !== null) node.setTarget(null)
    if (node.getRel() !== null) node.setRel(null)
  }
  let element: ElementNode = node
  if ($isHeadingNode(element) && element.getTag() !== 'h2' && element.getTag() !== 'h3') {
    const heading = $createHeadingNode(element.getTag() === 'h1' ? 'h2' : 'h3')
    heading.append(...element.getChildren())
    element = heading
  }
  if ($isListNode(element) && element.getListType() === 'check') element.setListType('bullet')
  if ($isListItemNode(element) && element.getChecked() !== undefined) element.setChecked(undefined)
  if (element.getFormatType() !== '') element.setFormat('')
  if (!$isListItemNode(element) && element.getIndent() !== 0) element.setIndent(0)
  if (element.getStyle() !== '') element.setStyle('')
  const children = element.getChildren()
  const cleaned = $cleanImportedNodes(children)
  // A line break that ends a block shows nothing in a browser ("<p>text<br></p>"): drop it, so
  // the text is what the page showed and reads back the same from our own HTML.
  if (!element.isInline() && cleaned.length > 0 && $isLineBreakNode(cleaned[cleaned.length - 1]))
    cleaned.pop()
  if (cleaned.length !== children.length || cleaned.some((c, i) => c !== children[i])) {
    for (const child of children) child.remove()
    element.append(...cleaned)
  }
  return [element]
}

/**
 * Wraps runs of inline nodes lying at the top level in paragraphs (the root holds only blocks)
 * and guarantees at least one block.
 */
export function $asTopLevelBlocks(nodes: LexicalNode[]): LexicalNode[] {
  const blocks: LexicalNode[] = []
  let run: ElementNode | null = null
  for (const node of nodes) {
    const inline =
      $isTextNode(node) || ($isElementNode(node) && node.isInline()) || node.getType() === 'linebreak'
    if (!inline) {
      run = null
      blocks.push(node)
      continue
    }
    if (run === null) {
      // Spaces between blocks, or the line break Lexical puts for an empty <div>, show nothing.
      if (($isTextNode(node) && node.getTextContent().trim() === '') || $isLineBreakNode(node)) continue
      run = $createParagraphNode()
      blocks.push(run)
    }
    run.append(node)
  }
  if (blocks.length === 0) blocks.push($createParagraphNode())
  return blocks
}
