import type { Klass, LexicalNode } from 'lexical'
import { HeadingNode, QuoteNode } from '@lexical/rich-text'
import { ListItemNode, ListNode } from '@lexical/list'
import { AutoLinkNode, LinkNode } from '@lexical/link'
import { SpoilerNode } from './nodes/SpoilerNode'
import { PullQuoteNode } from './nodes/PullQuoteNode'
import { HorizontalRuleNode } from './nodes/HorizontalRuleNode'

export { SpoilerNode, $createSpoilerNode, $isSpoilerNode, SPOILER_CLASS } from './nodes/SpoilerNode'
export {
  PullQuoteNode,
  $createPullQuoteNode,
  $isPullQuoteNode,
  PULL_QUOTE_CLASS
} from './nodes/PullQuoteNode'
export {
  HorizontalRuleNode,
  $createHorizontalRuleNode,
  $isHorizontalRuleNode
} from './nodes/HorizontalRuleNode'

/**
 * The node types a review may contain. The editor, the headless conversions in the core and
 * the importers all build from this one list, so a document valid in one is valid in all.
 */
export const JOURNAL_NODES: Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  SpoilerNode,
  PullQuoteNode,
  HorizontalRuleNode
]
