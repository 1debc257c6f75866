import { useCallback, useEffect, useMemo, useState } from 'react'
import type { ChannelInput } from '../../../../shared/contract'
import { journal, unwrap } from '../../bridge'
import { SaveQueue, type SaveStatus } from '../../editor/plugins/AutosavePlugin/saveQueue'
import { useReviews } from './reviewsStore'
import { reportError } from '../../app/noticeStore'

type Changes = Omit<ChannelInput<'reviews.save'>, 'id'>

/**
 * One save queue per open review. Pending text is flushed when the review closes (switching
 * review unmounts it), when the window loses focus or is hidden, and before the page unloads.
 */
export function useReviewSaver(reviewId: string): { status: SaveStatus; change(changes: Changes): void } {
  const [status, setStatus] = useState<SaveStatus>('saved')
  const queue = useMemo(
    () =>
      new SaveQueue<Changes>(async (changes) => {
        const result = await unwrap(journal['reviews.save']({ id: reviewId, ...changes }))
        const patch: Record<string, unknown> = { updatedAt: result.updatedAt, wordCount: result.wordCount }
        if (changes.title !== undefined) patch.title = changes.title
        if (changes.workId !== undefined) patch.workId = changes.workId
        useReviews.getState().patch(reviewId, patch)
      }, setStatus),
    [reviewId]
  )

  useEffect(() => {
    const flush = () => void queue.flush().catch(reportError)
    const onHidden = () => document.visibilityState === 'hidden' && flush()
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!queue.hasPending) return
      flush()
      event.preventDefault()
    }
    window.addEventListener('blur', flush)
    document.addEventListener('visibilitychange', onHidden)
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => {
      window.removeEventListener('blur', flush)
      document.removeEventListener('visibilitychange', onHidden)
      window.removeEventListener('beforeunload', onBeforeUnload)
      flush()
    }
  }, [queue])

  const change = useCallback((changes: Changes) => queue.change(changes), [queue])
  return { status, change }
}
