import { LexicalComposer } from '@lexical/react/LexicalComposer'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin'
import { ListPlugin } from '@lexical/react/LexicalListPlugin'
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import type { LexicalDoc } from '../../../shared/domain'
import { JOURNAL_NODES } from '../../../shared/conversions/nodes'
import { editorTheme } from './theme'
import { AutosavePlugin } from './plugins/AutosavePlugin'

interface Props {
  initialDoc: LexicalDoc
  onChange(doc: LexicalDoc): void
  label: string
}

/** The review's rich-text body. Mount it with `key={reviewId}`: one editor per review. */
export function ReviewBodyEditor({ initialDoc, onChange, label }: Props) {
  return (
    <LexicalComposer
      initialConfig={{
        namespace: 'review',
        nodes: JOURNAL_NODES,
        theme: editorTheme,
        editorState: JSON.stringify(initialDoc),
        onError: (error) => {
          throw error
        }
      }}
    >
      <div className="editor">
        <RichTextPlugin
          contentEditable={<ContentEditable className="editor-input" aria-label={label} aria-multiline="true" role="textbox" spellCheck />}
          placeholder={<div className="editor-placeholder">Start writing…</div>}
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin />
        <AutosavePlugin onChange={onChange} />
      </div>
    </LexicalComposer>
  )
}
