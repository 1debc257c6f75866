import { createHeadlessEditor } from '@lexical/headless'
import type { LexicalEditor, SerializedEditorState } from 'lexical'
import type { LexicalDoc } from '../domain'
import { JOURNAL_NODES } from './nodes'

let shared: LexicalEditor | null = null

/**
 * One headless editor reused by every conversion: creating an editor registers every node
 * class, which would dominate the cost of converting 5,000 short posts. Conversions are
 * synchronous (`discrete` updates), so sharing it cannot interleave two of them.
 */
export function conversionEditor(): LexicalEditor {
  shared ??= createHeadlessEditor({
    namespace: 'journal-conversions',
    nodes: JOURNAL_NODES,
    onError: (error) => {
      throw error
    }
  })
  return shared
}

/** Runs `fn` inside an update of the shared editor and returns the resulting document. */
export function buildDocument(fn: () => void): LexicalDoc {
  const editor = conversionEditor()
  editor.update(fn, { discrete: true })
  return editor.getEditorState().toJSON() as unknown as LexicalDoc
}

/** Runs `fn` while reading `doc` in the shared editor (for exports). */
export function readDocument<T>(doc: LexicalDoc, fn: () => T): T {
  const editor = conversionEditor()
  const state = editor.parseEditorState(doc as unknown as SerializedEditorState)
  return state.read(fn, { editor })
}
