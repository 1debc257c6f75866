import type { BackupInfo } from '../../../../shared/contract/backup'
import { Dialog } from '../../ui/Dialog'
import { describeBackup } from './backupsStore'

/** Asks before a restore, in a modal dialog that keeps focus and closes with Escape. */
export function ConfirmRestore({
  backup,
  busy,
  onConfirm,
  onCancel
}: {
  backup: BackupInfo
  busy: boolean
  onConfirm(): void
  onCancel(): void
}) {
  return (
    <Dialog
      title={`Restore the backup from ${describeBackup(backup)}?`}
      size="small"
      onClose={onCancel}
      description="Your journal goes back to how it was then. First, the journal as it is now is saved as a backup of its own, so you can undo this."
    >
      <div className="row">
        <button type="button" className="primary" disabled={busy} onClick={onConfirm}>
          {busy ? 'Restoring…' : 'Restore'}
        </button>
        {/* The safe answer has the focus: Enter on an unread question must not restore. */}
        <button type="button" data-initial-focus onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Dialog>
  )
}
