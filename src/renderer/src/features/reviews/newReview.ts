import { create } from 'zustand'
import type { ReviewDetail } from '../../../../shared/domain'
import { useNavigation } from '../../app/navigationStore'
import { useReviews } from './reviewsStore'
import { journal, unwrap } from '../../bridge'
import { reportError } from '../../app/noticeStore'
import { ReviewEditor } from './ReviewEditorLater'

interface NewReviewState {
  /** True from the command until the journal has made the review. */
  starting: boolean
  /** What was typed into the title while it was being made. */
  typed: string
}

/** The review being started: the Reviews screen shows its title field at once, focused. */
export const useNewReview = create<NewReviewState>(() => ({ starting: false, typed: '' }))

/** A review just made here: its editor opens from this, without asking the journal again. */
let fresh: ReviewDetail | null = null

/**
 * Starts a review and opens it with the cursor in its title: "New review", Ctrl+N, the menu and
 * the welcome screen all come here. The title field is on screen and focused within a frame,
 * before the journal answers, so the first keystrokes are never lost to the page.
 */
export async function startNewReview(): Promise<void> {
  if (useNewReview.getState().starting) return
  useNewReview.setState({ starting: true, typed: '' })
  const navigation = useNavigation.getState()
  if (navigation.screen !== 'reviews') navigation.go('reviews')
  // The editor's code too, if it has not come yet: until the editor is on screen, the title
  // field here keeps what is typed.
  const [review] = await Promise.all([
    useReviews.getState().create(),
    ReviewEditor.ready().catch(() => undefined)
  ])
  if (review && useNavigation.getState().screen === 'reviews') {
    fresh = review
    useNavigation.getState().openReview(review.id)
  } else if (review) {
    // The critic went to another screen while the journal made it: they stay there, and the
    // title they had typed is kept with the review, which waits in the list.
    const typed = takeTypedTitle()
    if (typed) await keepTitle(review.id, typed)
  }
  useNewReview.setState({ starting: false })
}

async function keepTitle(id: string, title: string): Promise<void> {
  try {
    const saved = await unwrap(journal['reviews.save']({ id, title }))
    useReviews.getState().patch(id, { title, updatedAt: saved.updatedAt })
  } catch (err) {
    reportError(err)
  }
}

/** The review just started, when `reviewId` is it (once: a later open loads it as usual). */
export function takeFreshReview(reviewId: string): ReviewDetail | null {
  if (fresh?.id !== reviewId) return null
  const review = fresh
  fresh = null
  return review
}

/** Hands over (once) what was typed into the title while the review was being made. */
export function takeTypedTitle(): string {
  const { typed } = useNewReview.getState()
  useNewReview.setState({ typed: '' })
  return typed
}
