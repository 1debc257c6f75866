import { useNavigation } from '../../app/navigationStore'
import { useReviews } from '../reviews/reviewsStore'
import { useFilms } from '../films/filmsStore'
import { useQuickLog, type PresetFilm } from './quickLogStore'

/**
 * Opens the log dialog for wherever the critic is: from an open review it starts with that
 * review's film and links the new screening to the review (as Letterboxd's "log" from a film
 * page starts with the film); anywhere else it starts blank.
 */
export function openQuickLogFromHere(): void {
  const { screen, reviewId } = useNavigation.getState()
  const review =
    screen === 'reviews' && reviewId
      ? useReviews.getState().reviews.find((r) => r.id === reviewId)
      : undefined
  if (!review) return useQuickLog.getState().openNew()
  const work: PresetFilm | null = review.workId
    ? (useFilms.getState().films.find((w) => w.id === review.workId) ?? {
        id: review.workId,
        title: review.workTitle ?? '',
        year: review.workYear
      })
    : null
  useQuickLog.getState().openNew(work, { id: review.id, title: review.title || 'Untitled review' })
}
