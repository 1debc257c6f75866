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
  /** Scrolls with the text, above it (the review's details). */
  before?: ReactNode
  /** Scrolls with the text, below it (what other features show about the review). */
  after?: ReactNode
  /** A footer below the scrolling text, inside the editor's context (writing aids read the text from it). */
  children?: ReactNode
}

const isValidUrl = (url: string) => safeLinkUrl(url) !== null

/**
 * The review's rich-text body. Mount it with `key={reviewId}`: one editor per review. The
 * toolbar and the footer stand outside the area that scrolls, so the text never passes under
 * either of them (a sticky bar over scrolling text hides the very lines being written).
 */
export function ReviewBodyEditor({
  initialDoc,
  onChange,
  label,
  onSpoilerMarks,
  before,
  after,
  children
}: Props) {
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
        <div className="editor-scroll">
          {before}
          <div className="editor-body">
            <RichTextPlugin
              contentEditable={
                <ContentEditable
                  className="editor-input"
                  aria-label={label}
                  aria-multiline="true"
                  role="textbox"
                  spellCheck
                />
              }
              placeholder={<div className="editor-placeholder">Start writing…</div>}
              ErrorBoundary={LexicalErrorBoundary}
            />
          </div>
          {after}
        </div>
        {children}
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
    </LexicalComposer>
  )
}
