import type { ComponentType } from 'react'
import type { ScreenId } from './navigationStore'
import { ReviewsScreen } from '../features/reviews/ReviewsScreen'
import './laterStyles'
import { SearchScreen } from '../features/search/SearchScreen'
import { shownLater } from './shownLater'

export interface ScreenEntry {
  id: ScreenId
  label: string
  /** Digit for Ctrl/Cmd+digit. */
  key: string
  Component: ComponentType
  /** Not listed in the sidebar: opened from elsewhere (a film page from a title). */
  hidden?: boolean
}

const ScreeningsScreen = shownLater(() =>
  import('../features/screenings/ScreeningsScreen').then((m) => m.ScreeningsScreen)
)
const ResponsesScreen = shownLater(() =>
  import('../features/responses/ResponsesScreen').then((m) => m.ResponsesScreen)
)
const FilmsScreen = shownLater(() => import('../features/films/FilmsScreen').then((m) => m.FilmsScreen))
const StatsScreen = shownLater(() => import('../features/stats/StatsScreen').then((m) => m.StatsScreen))
const ArchivesScreen = shownLater(() =>
  import('../features/archives/ArchivesScreen').then((m) => m.ArchivesScreen)
)
const BackupsScreen = shownLater(() =>
  import('../features/backups/BackupsScreen').then((m) => m.BackupsScreen)
)
const TrashScreen = shownLater(() => import('../features/trash/TrashScreen').then((m) => m.TrashScreen))
const SettingsScreen = shownLater(() =>
  import('../features/settings/SettingsScreen').then((m) => m.SettingsScreen)
)
const FilmPage = shownLater(() => import('../features/films/FilmPage').then((m) => m.FilmPage))

/**
 * The navigation, in order. One entry per screen. Every screen but the first loads later, and
 * Search, which must take the keys typed right after Ctrl+K.
 */
export const SCREENS: ScreenEntry[] = [
  { id: 'reviews', label: 'Reviews', key: '1', Component: ReviewsScreen },
  { id: 'screenings', label: 'Screenings', key: '2', Component: ScreeningsScreen },
  { id: 'responses', label: 'Responses', key: '3', Component: ResponsesScreen },
  { id: 'films', label: 'Films', key: '4', Component: FilmsScreen },
  { id: 'stats', label: 'Statistics', key: '5', Component: StatsScreen },
  // Ctrl/Cmd+K is caught by SearchShortcut, which also focuses the box.
  { id: 'search', label: 'Search', key: 'k', Component: SearchScreen },
  { id: 'archives', label: 'Import & export', key: '6', Component: ArchivesScreen },
  { id: 'backups', label: 'Backups', key: '7', Component: BackupsScreen },
  { id: 'trash', label: 'Trash', key: '8', Component: TrashScreen },
  { id: 'settings', label: 'Preferences', key: '9', Component: SettingsScreen },
  { id: 'film', label: 'Film', key: '', Component: FilmPage, hidden: true }
]
