import { useEffect, useRef } from 'react'
import type { BackupInfo } from '../../../../shared/contract/backup'
import { describeBackup } from './backupsStore'

/** Asks before a restore, in a modal dialog that keeps focus and closes with Escape. */
export function ConfirmRestore({ backup, busy, onConfirm, onCancel }: { backup: BackupInfo; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const cancel = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const node = dialog.current
    if (node && !node.open) node.showModal()
    // The safe answer has the focus: Enter on an unread question must not restore.
    cancel.current?.focus()
    return () => node?.close()
  }, [])
  return (
    <dialog
      ref={dialog}
      className="confirm-restore"
      aria-labelledby="confirm-restore-title"
      aria-describedby="confirm-restore-text"
      onCancel={(e) => {
        e.preventDefault()
        onCancel()
      }}
    >
      <h2 id="confirm-restore-title">Restore the backup from {describeBackup(backup)}?</h2>
      <p id="confirm-restore-text">
        Your journal goes back to how it was then. First, the journal as it is now is saved as a backup of its own, so you
        can undo this.
      </p>
      <div className="row">
        <button type="button" className="primary" disabled={busy} onClick={onConfirm}>
          {busy ? 'Restoring…' : 'Restore'}
        </button>
        <button type="button" ref={cancel} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  )
}
