import { $convertFromMarkdownString, $convertToMarkdownString } from '@lexical/markdown'
import { $getRoot } from 'lexical'
import type { LexicalDoc } from '../domain'
import { $asTopLevelBlocks, $cleanImportedNodes } from './clean'
import { buildDocument, readDocument } from './headless'
import { JOURNAL_TRANSFORMERS } from './markdownTransformers'

export { JOURNAL_TRANSFORMERS } from './markdownTransformers'

/**
 * A review document from Markdown (CommonMark with `||spoiler||`, `++underline++` and
 * `> [!pullquote]`). Blank lines separate paragraphs; single line breaks inside one are kept.
 */
export function markdownToLexical(md: string): LexicalDoc {
  return buildDocument(() => {
    const root = $getRoot()
    root.clear()
    $convertFromMarkdownString(md.replace(/\r\n?/g, '\n'), JOURNAL_TRANSFORMERS, root, false, true)
    const blocks = $asTopLevelBlocks($cleanImportedNodes(root.getChildren()))
    root.clear()
    root.append(...blocks)
  })
}

/** Markdown for a review document; spoilers come out as `||text||`, visibly marked. */
export function lexicalToMarkdown(doc: LexicalDoc): string {
  return readDocument(doc, () => $convertToMarkdownString(JOURNAL_TRANSFORMERS, undefined, false))
}
