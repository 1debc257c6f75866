import { LexicalComposer } from '@lexical/react/LexicalComposer'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin'
import { ListPlugin } from '@lexical/react/LexicalListPlugin'
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin'
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import type { EditorState } from 'lexical'
import type { ReactNode } from 'react'
import type { LexicalDoc } from '../../../shared/domain'
import { JOURNAL_NODES } from '../../../shared/conversions/nodes'
import { JOURNAL_TRANSFORMERS } from '../../../shared/conversions/markdownTransformers'
import { safeLinkUrl } from '../../../shared/conversions/urls'
import { editorTheme } from './theme'
import { AutosavePlugin } from './plugins/AutosavePlugin'
import { ToolbarPlugin } from './plugins/ToolbarPlugin'
import { ShortcutsPlugin } from './plugins/ShortcutsPlugin'
import { JournalCommandsPlugin } from './plugins/JournalCommandsPlugin'
import { PastePlugin } from './plugins/PastePlugin'
import { LinkEditPlugin } from './plugins/LinkEditPlugin'
import { SelectionSyncPlugin } from './plugins/SelectionSyncPlugin'
import { SpoilerPresencePlugin } from './plugins/SpoilerPresencePlugin'
import './editor.css'

interface Props {
  initialDoc: LexicalDoc
  onChange(state: EditorState): void
  label: string
  /** Told whether the text holds spoiler marks, on load and whenever that changes. */
  onSpoilerMarks?(hasMarks: boolean): void
  /** Shown below the text, inside the editor's context (writing aids read the text from it). */
  children?: ReactNode
}

const isValidUrl = (url: string) => safeLinkUrl(url) !== null

/** The review's rich-text body. Mount it with `key={reviewId}`: one editor per review. */
export function ReviewBodyEditor({ initialDoc, onChange, label, onSpoilerMarks, children }: Props) {
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
        <ToolbarPlugin />
        <LinkEditPlugin />
        <RichTextPlugin
          contentEditable={<ContentEditable className="editor-input" aria-label={label} aria-multiline="true" role="textbox" spellCheck />}
          placeholder={<div className="editor-placeholder">Start writing…</div>}
          ErrorBoundary={LexicalErrorBoundary}
        />
        <SelectionSyncPlugin />
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={isValidUrl} />
        <MarkdownShortcutPlugin transformers={JOURNAL_TRANSFORMERS} />
        <JournalCommandsPlugin />
        <ShortcutsPlugin />
        <PastePlugin />
        <AutosavePlugin onChange={onChange} />
        {onSpoilerMarks && <SpoilerPresencePlugin onChange={onSpoilerMarks} />}
      </div>
      {children}
    </LexicalComposer>
  )
}
