import { useEffect, useId, useRef } from 'react'
import type { ScreeningEntry } from '../../../../shared/contract/screenings'
import { useDeleteConfirm } from './screeningActions'
import { formatDay } from './labels'

/** Asks before a screening goes to the trash; Escape or Cancel keeps it. */
export function ConfirmDelete() {
  const entry = useDeleteConfirm((s) => s.entry)
  return entry ? <Ask entry={entry} /> : null
}

function Ask({ entry }: { entry: ScreeningEntry }) {
  const id = useId()
  const ref = useRef<HTMLDialogElement>(null)
  const { cancel, confirm } = useDeleteConfirm()
  useEffect(() => {
    const returnTo = document.activeElement as HTMLElement | null
    ref.current?.showModal()
    return () => {
      if (returnTo?.isConnected) returnTo.focus()
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className="screening-confirm"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        e.preventDefault()
        cancel()
      }}
    >
      <h2 id={`${id}-title`}>Delete this screening?</h2>
      <p id={`${id}-body`}>
        {entry.workTitle}, {formatDay(entry.watchedOn)}
        {entry.venue ? ` at ${entry.venue}` : ''} moves to the trash. You can undo it right after, or restore it from the trash later.
      </p>
      <div className="row">
        <button type="button" className="confirm-delete" autoFocus onClick={() => void confirm()}>
          Move to trash
        </button>
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    </dialog>
  )
}
