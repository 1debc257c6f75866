import { useCallback, useEffect, useMemo, useState } from 'react'
import type { EditorState } from 'lexical'
import type { ChannelInput } from '../../../../shared/contract'
import type { LexicalDoc } from '../../../../shared/domain'
import { journal, JournalCallError, unwrap } from '../../bridge'
import { SaveQueue, type SaveStatus } from '../../editor/plugins/AutosavePlugin/saveQueue'
import { useReviews } from './reviewsStore'
import { reportError, useNotices } from '../../app/noticeStore'
import { registerSaveQueue } from './pendingSaves'
import { clearRecoveryCopy, writeRecoveryCopy } from './recovery'
import { noteSaved, type JournalBase } from './journalBase'

type SaveInput = Omit<ChannelInput<'reviews.save'>, 'id'>

/** Shown when a save replaced text that another computer had written meanwhile. */
export const KEPT_OTHER_NOTICE =
  'This review changed on another computer while you typed; their version is in History.'
/** A pause in writing this long keeps the text so far in the review's history. */
export const CHECKPOINT_PAUSE_MS = 5000
/** A change as the editor hands it in: the body stays an (immutable) editor state until saved. */
export type ReviewChange = Omit<SaveInput, 'body'> & { body?: EditorState | LexicalDoc }

function serialize(body: EditorState | LexicalDoc | undefined): LexicalDoc | undefined {
  if (body === undefined) return undefined
  return 'toJSON' in body && typeof body.toJSON === 'function'
    ? (body.toJSON() as unknown as LexicalDoc)
    : (body as LexicalDoc)
}

/**
 * One save queue per open review. Pending text is flushed when the review closes (switching
 * review unmounts it), when the window loses focus or is hidden, and before the page unloads;
 * a recovery copy in local storage covers a page that closes before the save lands.
 *
 * The history keeps the text at the moments that matter (a pause in writing, leaving the review
 * or the window, opening History): `keepVersion` saves what is pending and then asks the journal
 * to bring the history up to it.
 *
 * Each body is saved with the version of the stored body it was edited from (`base`), so a
 * body that another computer changed meanwhile is kept in History rather than lost.
 */
export function useReviewSaver(
  reviewId: string,
  base: JournalBase
): {
  status: SaveStatus
  change(changes: ReviewChange): void
  flush(): Promise<void>
  keepVersion(): Promise<void>
  hasUnsaved(): boolean
} {
  const [status, setStatus] = useState<SaveStatus>('saved')
  const versions = useMemo(() => new VersionKeeper(reviewId), [reviewId])
  const queue = useMemo(() => {
    const q: SaveQueue<ReviewChange> = new SaveQueue<ReviewChange>(async (changes) => {
      const body = serialize(changes.body)
      const unconfirmed = q.unconfirmed()
      writeRecoveryCopy(reviewId, {
        title: unconfirmed?.title,
        body: unconfirmed?.body === changes.body ? body : serialize(unconfirmed?.body)
      })
      const baseVersion = body !== undefined ? base.version : undefined
      const input = { ...changes, body, id: reviewId, ...(baseVersion ? { baseVersion } : {}) }
      let result
      try {
        result = await unwrap(journal['reviews.save'](input))
      } catch (err) {
        // A refused detail (a bad URL typed in) must not hold the text back: save without it.
        const fields = err instanceof JournalCallError ? Object.keys(err.fields ?? {}) : []
        if (fields.length === 0 || fields.some((f) => f === 'body' || f === 'title')) throw err
        reportError(err)
        for (const f of fields) delete (input as Record<string, unknown>)[f]
        result = await unwrap(journal['reviews.save'](input))
      }
      noteSaved(base, body && JSON.stringify(body), result.bodyVersion)
      if (result.keptOther) useNotices.getState().show({ tone: 'info', message: KEPT_OTHER_NOTICE })
      if (!q.hasPendingBeyondFlight()) clearRecoveryCopy(reviewId)
      const patch: Record<string, unknown> = { updatedAt: result.updatedAt, wordCount: result.wordCount }
      for (const key of ['title', 'workId', 'rating', 'tags', 'responsesClosed'] as const) {
        if (changes[key] !== undefined) patch[key] = changes[key]
      }
      useReviews.getState().patch(reviewId, patch)
      if (changes.body !== undefined || changes.title !== undefined) versions.textSaved(() => q.flush())
    }, setStatus)
    return q
  }, [reviewId, versions, base])

  useEffect(() => {
    const unregister = registerSaveQueue(reviewId, queue as SaveQueue<object>)
    const keepCopy = () => {
      const unconfirmed = queue.unconfirmed()
      if (unconfirmed)
        writeRecoveryCopy(reviewId, { title: unconfirmed.title, body: serialize(unconfirmed.body) })
    }
    const flush = () => void versions.keep(() => queue.flush()).catch(reportError)
    const onHidden = () => {
      if (document.visibilityState !== 'hidden') return
      keepCopy()
      flush()
    }
    const onLeave = (event: Event) => {
      if (!queue.hasPending) return
      // No "leave page?" prompt: the recovery copy keeps the text, and in the desktop app a
      // cancelled unload would stop the window from closing.
      void event
      keepCopy()
      flush()
    }
    window.addEventListener('blur', flush)
    document.addEventListener('visibilitychange', onHidden)
    window.addEventListener('beforeunload', onLeave)
    window.addEventListener('pagehide', onLeave)
    return () => {
      window.removeEventListener('blur', flush)
      document.removeEventListener('visibilitychange', onHidden)
      window.removeEventListener('beforeunload', onLeave)
      window.removeEventListener('pagehide', onLeave)
      if (queue.hasPending) keepCopy()
      // Leaving the review: its history keeps the text it was left with.
      void versions.keep(() => queue.flush()).catch(() => undefined)
      unregister()
    }
  }, [queue, reviewId, versions])

  const change = useCallback(
    (changes: ReviewChange) => {
      versions.typing()
      queue.change(changes)
    },
    [queue, versions]
  )
  const flush = useCallback(() => queue.flush(), [queue])
  const keepVersion = useCallback(() => versions.keep(() => queue.flush()), [queue, versions])
  const hasUnsaved = useCallback(() => queue.hasPending, [queue])
  return { status, change, flush, keepVersion, hasUnsaved }
}

/** Asks the journal to keep the review's text in its history once text has been saved since it last did. */
class VersionKeeper {
  private due = false
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(private readonly reviewId: string) {}

  /** More typing: the pause has not come yet. */
  typing(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  /** Text or title reached the journal: keep a version after a pause, unless typing goes on. */
  textSaved(flush: () => Promise<void>): void {
    this.due = true
    this.typing()
    this.timer = setTimeout(() => void this.keep(flush).catch(() => undefined), CHECKPOINT_PAUSE_MS)
  }

  async keep(flush: () => Promise<void>): Promise<void> {
    this.typing()
    await flush()
    this.typing()
    if (!this.due) return
    this.due = false
    await unwrap(journal['reviews.checkpoint']({ id: this.reviewId }))
  }
}
