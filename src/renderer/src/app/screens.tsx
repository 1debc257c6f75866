import type { ComponentType } from 'react'
import type { ScreenId } from './navigationStore'
import { ReviewsScreen } from '../features/reviews/ReviewsScreen'
import { ScreeningsScreen } from '../features/screenings/ScreeningsScreen'
import { ResponsesScreen } from '../features/responses/ResponsesScreen'
import { FilmPage } from '../features/films/FilmPage'
import { SearchScreen } from '../features/search/SearchScreen'
import { FilmsScreen } from '../features/films/FilmsScreen'
import { StatsScreen } from '../features/stats/StatsScreen'
import { ArchivesScreen } from '../features/archives/ArchivesScreen'
import { TrashScreen } from '../features/trash/TrashScreen'
import { BackupsScreen } from '../features/backups/BackupsScreen'
import { SettingsScreen } from '../features/settings/SettingsScreen'

export interface ScreenEntry {
  id: ScreenId
  label: string
  /** Digit for Ctrl/Cmd+digit. */
  key: string
  Component: ComponentType
  /** Not listed in the sidebar: opened from elsewhere (a film page from a title). */
  hidden?: boolean
}

/** The navigation, in order. One entry per screen. */
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
