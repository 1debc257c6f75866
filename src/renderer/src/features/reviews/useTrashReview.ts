import { useCallback } from 'react'
import { journal, unwrap } from '../../bridge'
import { reportError, useNotices } from '../../app/noticeStore'
import { useNavigation } from '../../app/navigationStore'
import { useReviews } from './reviewsStore'

/** Moves the open review to the trash (after saving it), with an Undo in the notice. */
export function useTrashReview(reviewId: string, flush: () => Promise<void>): () => Promise<void> {
  return useCallback(async () => {
    try {
      await flush()
      const review = await unwrap(journal['reviews.trash']({ id: reviewId }))
      useNavigation.getState().openReview(null)
      await useReviews.getState().load()
      useNotices.getState().show({
        tone: 'info',
        message: `“${review.title || 'Untitled review'}” moved to the trash.`,
        action: {
          label: 'Undo',
          run: () => {
            unwrap(journal['reviews.restore']({ id: reviewId }))
              .then(() => useReviews.getState().load())
              .then(() => useNavigation.getState().openReview(reviewId))
              .catch(reportError)
          }
        }
      })
    } catch (err) {
      reportError(err)
    }
  }, [reviewId, flush])
}
