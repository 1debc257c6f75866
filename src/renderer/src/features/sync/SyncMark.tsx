import { useEffect, useState } from 'react'
import { useNavigation } from '../../app/navigationStore'
import { useSync } from './syncStore'
import { markState, markWords, type SyncMarkState } from './syncWords'
import './sync.css'

const ICONS: Record<Exclude<SyncMarkState, 'off'>, string> = {
  synced: '✓',
  syncing: '↻',
  pending: '•',
  error: '!'
}

/**
 * The sidebar's sync mark: synced, syncing, waiting or failed, said in full to screen readers
 * and in the tooltip. Opens Preferences, where sync is set up. Nothing until it is.
 */
export function SyncMark() {
  const status = useSync((s) => s.status)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    void useSync.getState().load()
    // "2 minutes ago" must not stay "just now".
    const timer = setInterval(() => setNow(Date.now()), 30_000)
    return () => clearInterval(timer)
  }, [])
  const state = markState(status)
  if (state === 'off' || !status) return null
  const { short, more } = markWords(status, now)
  return (
    <button
      type="button"
      className={`sync-mark sync-mark-${state}`}
      data-testid="sync-mark"
      data-state={state}
      // The name starts with the words shown (label in name), and the tooltip says the same.
      aria-label={short + more}
      title={short + more}
      onClick={() => useNavigation.getState().go('settings')}
    >
      <span className="sync-mark-icon" aria-hidden="true">
        {ICONS[state]}
      </span>
      {short}
    </button>
  )
}
