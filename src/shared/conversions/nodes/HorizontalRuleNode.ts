// The conversions work on a DOM in both hosts (the browser's, or linkedom in the core).
/// <reference lib="dom" />
import {
  $applyNodeReplacement,
  $create,
  $getDocument,
  DecoratorNode,
  type DOMConversionOutput,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode
} from 'lexical'

/**
 * A section break. Our own small node (not @lexical/react's) so that the headless conversions
 * in the core need nothing from React; it renders as a plain `<hr>` and decorates nothing.
 */
export class HorizontalRuleNode extends DecoratorNode<null> {
  $config() {
    return this.config('horizontalrule', {
      extends: DecoratorNode,
      importDOM: { hr: () => ({ conversion: $convertHorizontalRule, priority: 0 }) }
    })
  }

  createDOM(config: EditorConfig): HTMLElement {
    const element = $getDocument().createElement('hr')
    if (config.theme.hr) element.className = config.theme.hr
    return element
  }

  updateDOM(): boolean {
    return false
  }

  exportDOM(): DOMExportOutput {
    return { element: $getDocument().createElement('hr') }
  }

  getTextContent(): string {
    return '\n'
  }

  isInline(): false {
    return false
  }

  decorate(): null {
    return null
  }
}

function $convertHorizontalRule(): DOMConversionOutput {
  return { node: $createHorizontalRuleNode() }
}

export function $createHorizontalRuleNode(): HorizontalRuleNode {
  return $applyNodeReplacement($create(HorizontalRuleNode))
}

export function $isHorizontalRuleNode(node: LexicalNode | null | undefined): node is HorizontalRuleNode {
  return node instanceof HorizontalRuleNode
}
