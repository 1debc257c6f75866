import { create } from 'zustand'
import type { ScreeningEntry } from '../../../../shared/contract/screenings'
import { journal, unwrap } from '../../bridge'
import { reportError } from '../../app/noticeStore'
import { useNavigation } from '../../app/navigationStore'
import { useReviews } from '../reviews/reviewsStore'
import { useScreenings } from './screeningsStore'

/**
 * "Write a review" from a screening: opens the review it already led to, or creates one of the
 * same film linked to it (one call, so the review and the link land together).
 */
export async function writeReviewFrom(
  entry: Pick<ScreeningEntry, 'id' | 'reviewId' | 'reviewStatus'>
): Promise<void> {
  try {
    const reviewId =
      entry.reviewId && entry.reviewStatus
        ? entry.reviewId
        : (await unwrap(journal['screenings.startReview']({ id: entry.id }))).reviewId
    await useReviews.getState().load()
    useNavigation.getState().openReview(reviewId)
    focusWhereTypingGoes()
  } catch (err) {
    reportError(err)
  }
}

/**
 * Once the opened review shows, puts the cursor where writing goes on: its title while it has
 * none (a review just started from the screening), else its text.
 */
function focusWhereTypingGoes(): void {
  const started = performance.now()
  const settle = () => {
    const title = document.querySelector<HTMLTextAreaElement>('textarea.review-title')
    const text = document.querySelector<HTMLElement>('.editor-input[contenteditable="true"]')
    if (title && text) (title.value.trim() ? text : title).focus()
    else if (performance.now() - started < 2000) requestAnimationFrame(settle)
  }
  requestAnimationFrame(settle)
}

interface DeleteConfirmState {
  entry: ScreeningEntry | null
  /** Called after the screening went to the trash (the film page reloads itself). */
  after: (() => void) | null
  ask(entry: ScreeningEntry, after?: () => void): void
  cancel(): void
  confirm(): Promise<void>
}

/** The one "move this screening to the trash?" question, asked from the diary or the film page. */
export const useDeleteConfirm = create<DeleteConfirmState>((set, get) => ({
  entry: null,
  after: null,
  ask: (entry, after) => set({ entry, after: after ?? null }),
  cancel: () => set({ entry: null, after: null }),
  confirm: async () => {
    const { entry, after } = get()
    if (!entry) return
    set({ entry: null, after: null })
    await useScreenings.getState().remove(entry)
    after?.()
  }
}))
