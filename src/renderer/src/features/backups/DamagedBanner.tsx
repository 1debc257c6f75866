import { useEffect } from 'react'
import { describeBackup, useBackups } from './backupsStore'
import { useNavigation } from '../../app/navigationStore'

/**
 * Says plainly when the journal file failed its start-up check: it is open read-only, nothing
 * more can be lost, and the newest good backup is one click away.
 */
export function DamagedBanner({ onRestored }: { onRestored(): void }) {
  const { health, busy, loadHealth, restore } = useBackups()
  const go = useNavigation((s) => s.go)
  useEffect(() => {
    void loadHealth()
  }, [loadHealth])
  if (!health?.damaged) return null
  const backup = health.newestGoodBackup
  return (
    <section className="damaged-banner" role="alert" aria-labelledby="damaged-title">
      <h2 id="damaged-title">Your journal file is damaged</h2>
      <p>
        It is open read-only, so nothing more can be lost, and changes cannot be saved until it is repaired.
        {backup ? ` The newest good backup is from ${describeBackup(backup)}.` : ' No good backup was found.'}
      </p>
      <details>
        <summary>What the check found</summary>
        <ul>
          {health.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </details>
      <div className="row">
        {backup && (
          <button
            type="button"
            className="primary"
            disabled={busy !== null}
            onClick={async () => (await restore(backup)) && onRestored()}
          >
            {busy === 'restoring' ? 'Restoring…' : 'Restore that backup'}
          </button>
        )}
        <button type="button" onClick={() => go('backups')}>
          Choose another backup
        </button>
      </div>
    </section>
  )
}
