import { useEffect, useState } from 'react'
import type { BackupContents, BackupInfo, BackupReason } from '../../../../shared/contract/backup'
import { describeBackup, useBackups } from './backupsStore'
import { formatDateTimeSeconds } from '../../ui/dates'
import { sizeOf } from '../../ui/counts'
import { plural } from '../screenings/labels'
import { ConfirmRestore } from './ConfirmRestore'
import { useNavigation } from '../../app/navigationStore'
import './backups.css'

const REASONS: Record<BackupReason, string> = {
  daily: 'Daily',
  manual: 'Made by you',
  'before-import': 'Before an import',
  'before-migration': 'Before an app update',
  'before-restore': 'Before a restore'
}

function held(contents: BackupContents | null): string {
  if (!contents) return 'Could not be read'
  return [
    plural(contents.reviews, 'review'),
    plural(contents.screenings, 'screening'),
    plural(contents.responses, 'response')
  ].join(' · ')
}

/** When a backup was taken, to the second when another was taken in the same minute. */
function whenTaken(backup: BackupInfo, all: BackupInfo[]): string {
  const minute = describeBackup(backup)
  const clash = all.some((other) => other !== backup && describeBackup(other) === minute)
  return clash ? formatDateTimeSeconds(backup.createdAt) : minute
}

/** The rolling backups, newest first, with "back up now" and restore. */
export function BackupsScreen() {
  const { list, busy, load, create, restore } = useBackups()
  const go = useNavigation((s) => s.go)
  const [confirming, setConfirming] = useState<BackupInfo | null>(null)
  useEffect(() => {
    void load()
  }, [load])

  return (
    <section className="backups" aria-labelledby="backups-title">
      <div className="header">
        <h1 id="backups-title">Backups</h1>
        <button type="button" className="primary" disabled={busy !== null} onClick={() => void create()}>
          {busy === 'creating' ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      <p className="hint">
        A copy of your journal is taken every day while the app is open, and before every import, update and
        restore.
        {list && (
          <>
            {' '}
            The newest {list.keep} are kept (
            <button type="button" className="link-button" onClick={() => go('settings')}>
              change
            </button>
            ), in {list.folder}.
          </>
        )}
      </p>
      {!list ? (
        <p className="loading">Loading backups…</p>
      ) : list.backups.length === 0 ? (
        <p className="empty">
          No backups yet. The first daily backup is taken soon after the app starts, or back up now.
        </p>
      ) : (
        <table>
          <caption className="visually-hidden">Backups, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Why</th>
              <th scope="col">What it held</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.backups.map((backup) => (
              <tr key={backup.name}>
                <td>
                  <time dateTime={backup.createdAt}>{whenTaken(backup, list.backups)}</time>
                </td>
                <td>{REASONS[backup.reason]}</td>
                <td>{held(backup.contents)}</td>
                <td className="size">{sizeOf(backup.bytes)}</td>
                <td>
                  <button
                    type="button"
                    disabled={busy !== null}
                    aria-label={`Restore the backup from ${whenTaken(backup, list.backups)}`}
                    onClick={() => setConfirming(backup)}
                  >
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming && (
        <ConfirmRestore
          backup={confirming}
          busy={busy === 'restoring'}
          onCancel={() => setConfirming(null)}
          onConfirm={async () => {
            if (await restore(confirming)) setConfirming(null)
          }}
        />
      )}
    </section>
  )
}
