import { useEffect, useState } from 'react'
import type { SyncStatus, SyncTargetInput } from '../../../../shared/contract/sync'
import { Dialog } from '../../ui/Dialog'
import { useSync } from './syncStore'
import { SyncTargetForm } from './SyncTargetForm'
import { movedWords, pendingWords, timeAgo } from './syncWords'
import './sync.css'

/** Preferences ▸ Sync: where this computer syncs to, how it went, Sync now, stop syncing. */
export function SyncSection() {
  const { status, errors } = useSync()
  const [changing, setChanging] = useState(false)
  const [saving, setSaving] = useState(false)
  useEffect(() => {
    void useSync.getState().load()
    return () => useSync.getState().clearErrors()
  }, [])

  async function save(target: SyncTargetInput) {
    setSaving(true)
    try {
      if (await useSync.getState().configure(target)) {
        setChanging(false)
        await useSync.getState().syncNow()
      }
    } finally {
      setSaving(false)
    }
  }

  return (
    <fieldset className="sync-section" aria-busy={status?.running || undefined}>
      <legend>Sync</legend>
      {!status ? (
        <p className="hint">Loading…</p>
      ) : !status.target || changing ? (
        <>
          <p className="hint">
            Keep this journal on your other computers too. Each one syncs through the same shared folder
            {status.serverAvailable ? ' or sync server' : ''}; edits made offline on both merge word by word.
          </p>
          <SyncTargetForm
            mode="set-up"
            submitLabel={saving ? 'Starting…' : 'Start syncing'}
            busy={saving}
            serverAvailable={status.serverAvailable}
            folderDialog={status.folderDialog}
            current={status.target}
            errors={errors}
            onSubmit={(target) => void save(target)}
            onCancel={status.target ? () => setChanging(false) : undefined}
          />
        </>
      ) : (
        <SyncState status={status} onChange={() => setChanging(true)} />
      )}
    </fieldset>
  )
}

function SyncState({ status, onChange }: { status: SyncStatus; onChange(): void }) {
  const [confirmStop, setConfirmStop] = useState(false)
  const [, setTick] = useState(0)
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 30_000)
    return () => clearInterval(timer)
  }, [])
  const target = status.target!
  return (
    <>
      <dl className="sync-facts">
        <dt>Syncing through</dt>
        <dd data-testid="sync-target">
          {target.kind === 'folder'
            ? `${target.folder}${target.encrypted ? ' (encrypted with a passphrase)' : ''}`
            : target.url}
        </dd>
        <dt>Last sync</dt>
        <dd data-testid="sync-last">
          {status.lastSync
            ? `${timeAgo(status.lastSync.at)}. ${movedWords(status.lastSync.report)}`
            : 'Not yet'}
        </dd>
        <dt>Waiting</dt>
        <dd data-testid="sync-pending">{pendingWords(status)}</dd>
      </dl>
      {status.lastError && (
        <p className="sync-error" role="alert">
          {status.lastError.message}
        </p>
      )}
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={status.running}
          onClick={() => void useSync.getState().syncNow()}
        >
          {status.running ? 'Syncing…' : 'Sync now'}
        </button>
        {status.running && <progress className="sync-progress" aria-label="Syncing" />}
      </div>
      <label className="choice">
        <input
          type="checkbox"
          checked={status.automatic}
          onChange={(e) => void useSync.getState().setAutomatic(e.target.checked)}
        />
        Sync by itself while the app is open (after a pause in writing, and every few minutes)
      </label>
      <div className="row">
        <button type="button" className="link-button" onClick={onChange}>
          Change where it syncs…
        </button>
        <button type="button" className="link-button" onClick={() => setConfirmStop(true)}>
          Stop syncing on this computer…
        </button>
      </div>
      {confirmStop && (
        <Dialog
          title="Stop syncing on this computer?"
          description="Your journal stays as it is here. Nothing is removed from the folder or from your other computers. You can sync again later."
          size="small"
          onClose={() => setConfirmStop(false)}
        >
          <div className="row sync-dialog-actions">
            <button type="button" onClick={() => setConfirmStop(false)} data-initial-focus>
              Keep syncing
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => {
                setConfirmStop(false)
                void useSync.getState().forget()
              }}
            >
              Stop syncing
            </button>
          </div>
        </Dialog>
      )}
    </>
  )
}
