import { useEffect, useState } from 'react'
import type { SyncTargetInput } from '../../../../shared/contract/sync'
import { Dialog } from '../../ui/Dialog'
import { useSync } from './syncStore'
import { SyncTargetForm } from './SyncTargetForm'

/**
 * First run ▸ "Join a journal I keep on another computer": the folder (and passphrase) or server
 * the other computer syncs to, then the first sync with its progress, then the journal. A failed
 * first sync says why and lets the critic try again; closing the dialog then forgets the target.
 */
export function JoinJournal({ onClose, onJoined }: { onClose(): void; onJoined(): void }) {
  const { status, errors } = useSync()
  const [phase, setPhase] = useState<'form' | 'syncing'>('form')
  const [failure, setFailure] = useState<string | null>(null)
  useEffect(() => {
    void useSync.getState().load()
  }, [])

  async function join(target: SyncTargetInput) {
    setFailure(null)
    if (!(await useSync.getState().configure(target))) return
    setPhase('syncing')
    const after = await useSync.getState().syncNow()
    if (after && !after.lastError) return onJoined()
    setPhase('form')
    setFailure(after?.lastError?.message ?? 'The first sync did not finish. Try again.')
  }

  function cancel() {
    if (phase === 'syncing') return
    // A target that never synced is not left behind to sync by itself later.
    if (useSync.getState().status?.target && !useSync.getState().status?.lastSync)
      void useSync.getState().forget()
    onClose()
  }

  return (
    <Dialog
      title="Join a journal I keep on another computer"
      description="Choose the folder or server your other computer syncs to. The first sync brings its reviews, screenings and responses here."
      onClose={cancel}
    >
      {phase === 'syncing' && (
        <div className="sync-joining" role="status">
          <p>Bringing your journal here…</p>
          <progress aria-label="First sync" />
          <p className="hint">A large journal can take a minute. Keep the app open.</p>
        </div>
      )}
      {failure && (
        <p className="sync-error" role="alert">
          {failure}
        </p>
      )}
      {/* Kept while the first sync runs, so what was typed is still there if it fails. */}
      <SyncTargetForm
        mode="join"
        submitLabel={phase === 'syncing' ? 'Syncing…' : 'Join and sync'}
        busy={phase === 'syncing'}
        serverAvailable={status?.serverAvailable ?? false}
        folderDialog={status?.folderDialog ?? false}
        errors={errors}
        onSubmit={(target) => void join(target)}
        onCancel={cancel}
      />
    </Dialog>
  )
}
