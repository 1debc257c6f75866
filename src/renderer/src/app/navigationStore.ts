import { create } from 'zustand'

/**
 * The screens of the app. A feature registers its screen in `screens.tsx`; screens opened with
 * a subject (a review, a film) keep that subject here.
 */
export type ScreenId =
  | 'reviews'
  | 'screenings'
  | 'responses'
  | 'films'
  | 'film'
  | 'search'
  | 'stats'
  | 'archives'
  | 'backups'
  | 'trash'
  | 'settings'

interface NavigationState {
  screen: ScreenId
  /** The review open in the editor, when on the reviews screen. */
  reviewId: string | null
  /** The film shown on the film page. */
  workId: string | null
  go(screen: ScreenId): void
  openReview(id: string | null): void
  openFilm(workId: string): void
}

export const useNavigation = create<NavigationState>((set) => ({
  screen: 'reviews',
  reviewId: null,
  workId: null,
  go: (screen) => set({ screen }),
  openReview: (reviewId) => set({ screen: 'reviews', reviewId }),
  openFilm: (workId) => set({ screen: 'film', workId })
}))
