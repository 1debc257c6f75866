import { create } from 'zustand'

/** The screens of the app. Each feature adds its id here and its entry in `screens.tsx`. */
export type ScreenId = 'reviews' | 'screenings' | 'responses'

interface NavigationState {
  screen: ScreenId
  /** The review open in the editor, when on the reviews screen. */
  reviewId: string | null
  go(screen: ScreenId): void
  openReview(id: string | null): void
}

export const useNavigation = create<NavigationState>((set) => ({
  screen: 'reviews',
  reviewId: null,
  go: (screen) => set({ screen }),
  openReview: (reviewId) => set({ screen: 'reviews', reviewId })
}))
