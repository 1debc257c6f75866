import { createHeadlessEditor } from '@lexical/headless'
import { createBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Provider } from '@lexical/yjs'
import { $getRoot, type LexicalEditor, type SerializedEditorState } from 'lexical'
import type { Doc, Transaction, YEvent, XmlText } from 'yjs'
import type { LexicalDoc } from '../../../shared/domain'
import { JOURNAL_NODES } from '../../../shared/conversions/nodes'
import { $reconcileRoot } from './reconcile'

/**
 * A review's body inside its Yjs document, in the exact shape Lexical's collaboration binding
 * (`@lexical/yjs`) reads and writes: the editor of a live session could bind to the same
 * document. Here a headless editor stands in for it, so a body saved in SQLite enters Yjs as the
 * smallest edit of the text already there, and concurrent edits merge character by character.
 */

/** No network and no cursors: the binding only needs the provider's shape. */
const NO_PROVIDER: Provider = {
  awareness: {
    getLocalState: () => null,
    getStates: () => new Map(),
    off: () => {},
    on: () => {},
    setLocalState: () => {},
    setLocalStateField: () => {}
  },
  connect: () => {},
  disconnect: () => {},
  off: () => {},
  on: () => {}
} as unknown as Provider

/**
 * Editors free for the next document: making one registers every node class, which costs more
 * than syncing a short review, and a first sync binds one per review.
 */
const idle: LexicalEditor[] = []

function newEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'journal-sync',
    nodes: JOURNAL_NODES,
    onError: (error) => {
      throw error
    }
  })
}

/** A headless editor bound to one review's document, both ways. */
export interface BoundBody {
  /** The body the document holds, as the editor serializes it (null when it has none yet). */
  read(): LexicalDoc | null
  /**
   * Writes `body` into the document as the smallest edit of what it holds: unchanged paragraphs
   * keep their Yjs items and a changed one is edited in place, so another device's concurrent
   * edit of the same text merges with this one instead of being replaced by it.
   */
  write(body: LexicalDoc): void
  dispose(): void
}

/**
 * Binds a headless editor to `doc` as the collaboration plugin binds a live one: Yjs changes
 * (the stored state, remote updates) update the editor; the editor's updates write into Yjs.
 * Bind before the document receives its state, so that state arrives as a change the editor
 * follows (a binding made over a filled document would start from an empty editor).
 */
export function bindBody(doc: Doc): BoundBody {
  const editor = idle.pop() ?? newEditor()
  const binding = createBinding(editor, NO_PROVIDER, 'body', doc, new Map([['body', doc]]))
  const stopUpdates = editor.registerUpdateListener((update) => {
    if (update.tags.has('skip-collab')) return
    syncLexicalUpdateToYjs(
      binding,
      NO_PROVIDER,
      update.prevEditorState,
      update.editorState,
      update.dirtyElements,
      update.dirtyLeaves,
      update.normalizedNodes,
      update.tags
    )
  })
  const root = binding.root.getSharedType() as XmlText
  const observer = (events: YEvent<XmlText>[], transaction: Transaction) => {
    if (transaction.origin !== binding) syncYjsChangesToLexical(binding, NO_PROVIDER, events as never, false)
  }
  root.observeDeep(observer as never)
  // Changes from Yjs reach the editor in updates of their own: an empty discrete one commits them.
  const settle = () => editor.update(() => {}, { discrete: true })
  return {
    read() {
      settle()
      if (root.length === 0) return null
      return editor.getEditorState().toJSON() as unknown as LexicalDoc
    },
    write(body) {
      settle()
      // The document as this editor would export it: defaults filled in, as its own nodes are.
      const target = editor.parseEditorState(body as unknown as SerializedEditorState).toJSON()
      editor.update(() => $reconcileRoot(target), { discrete: true })
    },
    dispose() {
      stopUpdates()
      root.unobserveDeep(observer as never)
      // Emptied with no binding listening, the editor can serve the next document.
      editor.update(() => $getRoot().clear(), { discrete: true, tag: 'skip-collab' })
      if (idle.length < 2) idle.push(editor)
    }
  }
}
