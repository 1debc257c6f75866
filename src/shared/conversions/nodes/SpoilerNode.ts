// The conversions work on a DOM in both hosts (the browser's, or linkedom in the core).
/// <reference lib="dom" />
import {
  $applyNodeReplacement,
  $create,
  $getDocument,
  ElementNode,
  isHTMLElement,
  type DOMConversionOutput,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode
} from 'lexical'

/** The class a spoiler carries in HTML, in the editor and in exports. */
export const SPOILER_CLASS = 'spoiler'

/**
 * Inline text that gives away the plot. It stays hidden behind a visible mark in the editor and
 * exports marked (`||text||` in Markdown, `<span class="spoiler">` in HTML), so a reader of any
 * export can tell where the spoiler starts and ends.
 */
export class SpoilerNode extends ElementNode {
  $config() {
    return this.config('spoiler', {
      extends: ElementNode,
      importDOM: {
        span: (dom: HTMLElement) =>
          dom.classList.contains(SPOILER_CLASS) ? { conversion: $convertSpoilerElement, priority: 2 } : null
      }
    })
  }

  createDOM(config: EditorConfig): HTMLElement {
    const element = $getDocument().createElement('span')
    element.className = [SPOILER_CLASS, config.theme.spoiler].filter(Boolean).join(' ')
    element.title = 'Spoiler'
    return element
  }

  updateDOM(): boolean {
    return false
  }

  exportDOM(): DOMExportOutput {
    const element = $getDocument().createElement('span')
    element.className = SPOILER_CLASS
    return { element }
  }

  isInline(): true {
    return true
  }

  canBeEmpty(): false {
    return false
  }

  canInsertTextBefore(): false {
    return false
  }

  canInsertTextAfter(): false {
    return false
  }

  extractWithChild(): boolean {
    return true
  }
}

function $convertSpoilerElement(dom: HTMLElement): DOMConversionOutput {
  return { node: isHTMLElement(dom) ? $createSpoilerNode() : null }
}

export function $createSpoilerNode(): SpoilerNode {
  return $applyNodeReplacement($create(SpoilerNode))
}

export function $isSpoilerNode(node: LexicalNode | null | undefined): node is SpoilerNode {
  return node instanceof SpoilerNode
}
