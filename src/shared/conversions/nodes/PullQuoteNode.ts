// The conversions work on a DOM in both hosts (the browser's, or linkedom in the core).
/// <reference lib="dom" />
import {
  $applyNodeReplacement,
  $create,
  $createParagraphNode,
  $getDocument,
  ElementNode,
  type DOMConversionOutput,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type ParagraphNode,
  type RangeSelection
} from 'lexical'

/** The class a pull quote carries in HTML exports. */
export const PULL_QUOTE_CLASS = 'pullquote'

/**
 * A line lifted from the review and set large, as magazines do. Exports as
 * `<blockquote class="pullquote">` and in Markdown as `> [!pullquote] text`; WordPress's own
 * pull quote block (`figure.wp-block-pullquote`) imports as one too.
 */
export class PullQuoteNode extends ElementNode {
  $config() {
    return this.config('pullquote', {
      extends: ElementNode,
      importDOM: {
        blockquote: (dom: HTMLElement) =>
          dom.classList.contains(PULL_QUOTE_CLASS) ? { conversion: $convertPullQuote, priority: 2 } : null,
        figure: (dom: HTMLElement) =>
          dom.classList.contains('wp-block-pullquote') ? { conversion: $convertPullQuote, priority: 2 } : null
      }
    })
  }

  createDOM(config: EditorConfig): HTMLElement {
    const element = $getDocument().createElement('blockquote')
    element.className = [PULL_QUOTE_CLASS, config.theme.pullQuote].filter(Boolean).join(' ')
    return element
  }

  updateDOM(): boolean {
    return false
  }

  exportDOM(): DOMExportOutput {
    const element = $getDocument().createElement('blockquote')
    element.className = PULL_QUOTE_CLASS
    return { element }
  }

  insertNewAfter(_selection: RangeSelection, restoreSelection?: boolean): ParagraphNode {
    const paragraph = $createParagraphNode()
    this.insertAfter(paragraph, restoreSelection)
    return paragraph
  }

  collapseAtStart(): true {
    const paragraph = $createParagraphNode()
    paragraph.append(...this.getChildren())
    this.replace(paragraph)
    return true
  }

  canMergeWhenEmpty(): true {
    return true
  }
}

function $convertPullQuote(): DOMConversionOutput {
  return { node: $createPullQuoteNode() }
}

export function $createPullQuoteNode(): PullQuoteNode {
  return $applyNodeReplacement($create(PullQuoteNode))
}

export function $isPullQuoteNode(node: LexicalNode | null | undefined): node is PullQuoteNode {
  return node instanceof PullQuoteNode
}
