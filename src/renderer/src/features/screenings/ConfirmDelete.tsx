import type { ScreeningEntry } from '../../../../shared/contract/screenings'
import { Dialog } from '../../ui/Dialog'
import { useDeleteConfirm } from './screeningActions'
import { formatDay } from './labels'

/** Asks before a screening goes to the trash; Escape or Cancel keeps it. */
export function ConfirmDelete() {
  const entry = useDeleteConfirm((s) => s.entry)
  return entry ? <Ask entry={entry} /> : null
}

function Ask({ entry }: { entry: ScreeningEntry }) {
  const { cancel, confirm } = useDeleteConfirm()
  return (
    <Dialog
      title="Delete this screening?"
      size="small"
      onClose={cancel}
      description={
        <>
          {entry.workTitle}, {formatDay(entry.watchedOn)}
          {entry.venue ? ` at ${entry.venue}` : ''} moves to the trash. You can undo it right after, or
          restore it from the trash later.
        </>
      }
    >
      <div className="row">
        <button type="button" className="danger-fill" data-initial-focus onClick={() => void confirm()}>
          Move to trash
        </button>
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    </Dialog>
  )
}
