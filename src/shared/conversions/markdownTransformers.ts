import {
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  LINK,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  UNORDERED_LIST,
  type ElementTransformer,
  type TextFormatTransformer,
  type TextMatchTransformer,
  type Transformer
} from '@lexical/markdown'
import { $createHeadingNode, $isHeadingNode, HeadingNode } from '@lexical/rich-text'
import { $createTextNode } from 'lexical'
import {
  $createHorizontalRuleNode,
  $isHorizontalRuleNode,
  HorizontalRuleNode
} from './nodes/HorizontalRuleNode'
import { $createPullQuoteNode, $isPullQuoteNode, PullQuoteNode } from './nodes/PullQuoteNode'
import { $createSpoilerNode, $isSpoilerNode, SpoilerNode } from './nodes/SpoilerNode'

/** `## ` and `### ` (reviews use two heading levels; `#` becomes H2, deeper ones H3). */
export const JOURNAL_HEADING: ElementTransformer = {
  dependencies: [HeadingNode],
  export: (node, exportChildren) =>
    $isHeadingNode(node) ? `${node.getTag() === 'h3' ? '###' : '##'} ${exportChildren(node)}` : null,
  regExp: /^(#{1,6})\s/,
  replace: (parent, children, match, isImport) => {
    const heading = $createHeadingNode(match[1]!.length <= 2 ? 'h2' : 'h3')
    heading.append(...children)
    parent.replace(heading)
    // Typed as a shortcut: the caret was in the "## " just removed, so put it in the heading.
    if (!isImport) heading.select(0, 0)
  },
  type: 'element'
}

/** A pull quote is a one-line callout: `> [!pullquote] The line set large.` */
export const PULL_QUOTE: ElementTransformer = {
  dependencies: [PullQuoteNode],
  export: (node, exportChildren) =>
    $isPullQuoteNode(node) ? `> [!pullquote] ${exportChildren(node).replace(/\n/g, ' ')}` : null,
  regExp: /^>\s?\[!pullquote\]\s?/i,
  replace: (parent, children, _match, isImport) => {
    const quote = $createPullQuoteNode()
    quote.append(...children)
    parent.replace(quote)
    if (!isImport) quote.select(0, 0)
  },
  type: 'element'
}

/** `---` on its own line is a section break. */
export const HORIZONTAL_RULE: ElementTransformer = {
  dependencies: [HorizontalRuleNode],
  export: (node) => ($isHorizontalRuleNode(node) ? '---' : null),
  regExp: /^(---|\*\*\*|___)\s?$/,
  replace: (parent, _children, _match, isImport) => {
    const rule = $createHorizontalRuleNode()
    if (isImport || parent.getNextSibling() !== null) parent.replace(rule)
    else parent.insertBefore(rule)
    rule.selectNext()
  },
  type: 'element'
}

/** `||text||` marks a spoiler, as Discord and several Markdown dialects do. */
export const SPOILER: TextMatchTransformer = {
  dependencies: [SpoilerNode],
  export: (node, exportChildren) => ($isSpoilerNode(node) ? `||${exportChildren(node)}||` : null),
  importRegExp: /\|\|([^|\n]+?)\|\|/,
  regExp: /\|\|([^|\n]+?)\|\|$/,
  replace: (textNode, match) => {
    const spoiler = $createSpoilerNode()
    const inner = $createTextNode(match[1]).setFormat(textNode.getFormat())
    spoiler.append(inner)
    textNode.replace(spoiler)
    return inner
  },
  trigger: '|',
  type: 'text-match'
}

/** `++text++` for underline (Markdown has none; markdown-it's "ins" plugin reads this). */
export const UNDERLINE: TextFormatTransformer = { format: ['underline'], tag: '++', type: 'text-format' }

/**
 * Every Markdown rule a review uses, for import, export and the editor's typing shortcuts.
 * Order matters: pull quote before quote, longer emphasis markers before shorter ones.
 */
export const JOURNAL_TRANSFORMERS: Transformer[] = [
  JOURNAL_HEADING,
  PULL_QUOTE,
  QUOTE,
  UNORDERED_LIST,
  ORDERED_LIST,
  HORIZONTAL_RULE,
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  UNDERLINE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
  SPOILER,
  LINK
]
