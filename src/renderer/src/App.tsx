import { useCallback, useEffect, type MouseEvent } from 'react'
import { SCREENS } from './app/screens'
import { useNavigation } from './app/navigationStore'
import { useApp } from './app/appStore'
import { useDataChanged } from './app/useDataChanged'
import { useReviews } from './features/reviews/reviewsStore'
import { startNewReview } from './features/reviews/newReview'
import { useScreenings } from './features/screenings/screeningsStore'
import { QuickLog } from './features/screenings/QuickLog'
import { useResponses } from './features/responses/responsesStore'
import { NavBadge } from './features/responses/NavBadge'
import { useFilms } from './features/films/filmsStore'
import { FirstRun } from './features/welcome/FirstRun'
import { SampleBanner } from './features/welcome/SampleBanner'
import { Notices } from './components/Notices'
import { SearchShortcut } from './features/search/SearchShortcut'
import { useArchiveDrop } from './features/archives/useArchiveDrop'
import { useAppCommands } from './app/useAppCommands'
import { useTheme } from './features/settings/useTheme'
import { DamagedBanner } from './features/backups/DamagedBanner'
import { focusScreen } from './app/focusScreen'
import { SyncMark } from './features/sync/SyncMark'

/** The skip link moves focus past the sidebar to the screen's heading (a hash alone would not). */
function skipToMain(event: MouseEvent): void {
  event.preventDefault()
  ;(document.activeElement as HTMLElement | null)?.blur()
  focusScreen()
}

/** The sample's loading and removal is announced as data.changed: the stores follow it. */
const announcedByTheCore = () => {}

/**
 * Each store reloads for the kinds it shows: its own, and what its rows borrow (a film's title, a
 * review's status or title, response counts). A store no screen has loaded yet is left for the
 * screen to load when it opens; the inbox's unread badge is kept current either way.
 */
function useReloadOnChange(refreshInfo: () => Promise<void>): void {
  const reloadInfo = useCallback(() => void refreshInfo(), [refreshInfo])
  useDataChanged(['reviews', 'screenings', 'works'], reloadInfo)
  useDataChanged(['reviews', 'works', 'responses'], reloadReviews)
  useDataChanged(['screenings', 'works', 'reviews'], reloadDiary)
  useDataChanged(['responses', 'reviews'], reloadInbox)
  useDataChanged(['works'], reloadFilms)
}

function reloadReviews(): void {
  if (useReviews.getState().loaded) void useReviews.getState().load()
}
function reloadDiary(): void {
  if (useScreenings.getState().loaded) void useScreenings.getState().load()
}
function reloadInbox(): void {
  const inbox = useResponses.getState()
  void (inbox.loaded ? inbox.load() : inbox.refreshUnread())
}
function reloadFilms(): void {
  if (useFilms.getState().loaded) void useFilms.getState().load()
}

/**
 * After a backup replaced a damaged journal every screen starts again, whether or not a host
 * relays the announcement: what the screens held was read from a file that could not be trusted.
 */
function reloadEverything(refreshInfo: () => Promise<void>): void {
  void refreshInfo()
  void useReviews.getState().load()
  void useScreenings.getState().load()
  void useResponses.getState().load()
  void useFilms.getState().load()
}

export function App() {
  const { screen, go } = useNavigation()
  const { info, welcomed, refresh, setWelcomed } = useApp()

  useReloadOnChange(refresh)
  useArchiveDrop()
  useAppCommands()
  useTheme()

  useEffect(() => {
    void refresh()
    // The list a journal opens to is asked for beside the journal's info, not once it answers.
    if (useNavigation.getState().screen === 'reviews') void useReviews.getState().load()
  }, [refresh])

  // A command or shortcut that goes somewhere (File ▸ Import…, Preferences, Ctrl+1 … 9) leaves
  // the welcome for that screen: on an empty journal, importing is often the first thing to do.
  useEffect(() => useNavigation.subscribe(() => useApp.getState().setWelcomed()), [])

  useEffect(() => {
    const onKey = async (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return
      const target = SCREENS.find((s) => s.key === event.key)
      if (target) {
        event.preventDefault()
        go(target.id)
        focusScreen()
      } else if (event.key.toLowerCase() === 'n' && !event.shiftKey) {
        event.preventDefault()
        await startNewReview()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [go])

  if (!info) {
    return (
      <main className="loading" aria-busy="true">
        <DamagedBanner onRestored={() => reloadEverything(refresh)} />
        Opening your journal…
        <Notices />
      </main>
    )
  }

  if (info.isEmpty && !welcomed) {
    return (
      <main>
        <FirstRun
          onStartWriting={async () => {
            setWelcomed()
            await startNewReview()
          }}
          onSampleLoaded={setWelcomed}
        />
        <Notices />
      </main>
    )
  }

  const Current = SCREENS.find((s) => s.id === screen)?.Component ?? SCREENS[0].Component
  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Journal">
        <p className="brand">Review Journal</p>
        <ul>
          {SCREENS.filter((s) => !s.hidden).map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className="nav-item"
                aria-current={s.id === screen ? 'page' : undefined}
                aria-keyshortcuts={`Control+${s.key}`}
                onClick={() => go(s.id)}
              >
                {s.label}
                <NavBadge screen={s.id} />
              </button>
            </li>
          ))}
        </ul>
        <QuickLog />
        <SearchShortcut />
        <SyncMark />
      </nav>
      <main className="content" id="main" tabIndex={-1}>
        <DamagedBanner onRestored={() => reloadEverything(refresh)} />
        {info.hasSample && <SampleBanner onRemoved={announcedByTheCore} />}
        <Current />
      </main>
      <Notices />
    </div>
  )
}
