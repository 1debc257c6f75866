import { useCallback, useEffect, useRef } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { CLEAR_HISTORY_COMMAND, HISTORY_MERGE_TAG, type LexicalEditor } from 'lexical'
import type { EditableReview } from '../../../../shared/contract/reviews'
import type { LexicalDoc } from '../../../../shared/domain'
import { journal, JournalCallError, unwrap } from '../../bridge'
import { reportError } from '../../app/noticeStore'
import { useDataChanged } from '../../app/useDataChanged'
import { followStored, type JournalBase } from './journalBase'

interface Props {
  reviewId: string
  base: JournalBase
  /** True while the editor holds edits not yet written: then nothing is shown over them. */
  hasUnsaved(): boolean
  /** Another writer changed the title or the other details: show them. */
  onFollowed(stored: EditableReview, changed: { title: boolean; details: boolean }): void
}

/**
 * Keeps the open review in step with the journal. When a write elsewhere (a sync round landing
 * another computer's words) changes the stored review and the editor holds no unsaved edits, the
 * new text is shown in place, as Lexical's collaboration does: tagged so autosave does not save
 * it back, and the undo history cleared so Ctrl+Z cannot bring the older text back over theirs.
 * The editor's own saves change nothing, and nothing is redrawn while the critic is in the review.
 */
export function FollowStoredReview({ reviewId, base, hasUnsaved, onFollowed }: Props): null {
  const [editor] = useLexicalComposerContext()
  const props = useRef({ hasUnsaved, onFollowed })
  useEffect(() => {
    props.current = { hasUnsaved, onFollowed }
  })
  const reread = useCallback(() => {
    if (props.current.hasUnsaved() || base.writing > 0) return
    const savesBefore = base.saves
    const shownBefore = shownNow(editor)
    unwrap(journal['reviews.get']({ id: reviewId }))
      .then((stored) => {
        // A save since the read began (or edits now waiting) make this read stale: skip it. So
        // does any change on the page since: typed text the browser has put in the page before
        // the editor has taken it in is not yet an edit waiting to be saved, but it is the
        // critic's, and showing the stored text would wipe it.
        if (base.saves !== savesBefore || base.writing > 0 || props.current.hasUnsaved()) return
        if (!sameShown(shownBefore, shownNow(editor))) return
        // Nor is anything shown over the review while the critic is in it (its text, title or
        // details): redrawing would take their caret. A body saved next goes with the older
        // base, and the journal keeps the other text in History and says so.
        if (isInReview(editor)) return
        const changed = followStored(base, stored)
        if (changed.body) showStoredBody(editor, stored.body)
        if (changed.title || changed.details) props.current.onFollowed(stored, changed)
      })
      .catch((err: unknown) => {
        // A review moved to the trash or deleted elsewhere is its own screen's business.
        if (!(err instanceof JournalCallError && err.code === 'NOT_FOUND')) reportError(err)
      })
  }, [base, editor, reviewId])
  useDataChanged(REVIEWS, reread)
  return null
}

const REVIEWS = ['reviews' as const]

/** What the editor holds and what the page shows of it, to tell whether anything moved. */
function shownNow(editor: LexicalEditor): { state: unknown; text: string | null } {
  return { state: editor.getEditorState(), text: editor.getRootElement()?.textContent ?? null }
}

function isInReview(editor: LexicalEditor): boolean {
  const review = editor.getRootElement()?.closest('article')
  return review?.contains(document.activeElement) ?? false
}

function sameShown(a: ReturnType<typeof shownNow>, b: ReturnType<typeof shownNow>): boolean {
  return a.state === b.state && a.text === b.text
}

function showStoredBody(editor: LexicalEditor, body: LexicalDoc): void {
  // Cleared first: the new text then starts the history, so the first undo after it takes back
  // what is typed next, and none reaches the text from before it.
  editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined)
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body)), { tag: HISTORY_MERGE_TAG })
}
