import { useEffect } from 'react'
import type { TaskProgress } from '../../../../shared/contract'
import { progressText } from './progressText'

/** A progress bar for a long import or export, with Cancel (also Escape) when it can be stopped. */
export function TaskProgressBar({
  label,
  progress,
  onCancel
}: {
  label: string
  progress: TaskProgress | null
  onCancel?: () => void
}) {
  useEffect(() => {
    if (!onCancel) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onCancel()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onCancel])
  const total = progress?.total ?? null
  const done = progress?.done ?? 0
  const text = progressText(progress)
  return (
    <div className="archives-progress" role="status">
      <label>
        <span>{progress?.label ?? label}</span>
        <progress
          max={total ?? undefined}
          value={total ? Math.min(done, total) : undefined}
          aria-valuetext={text}
        />
      </label>
      <span className="archives-progress-count">{text}</span>
      {onCancel && (
        <button type="button" onClick={onCancel} aria-keyshortcuts="Escape">
          Cancel
        </button>
      )}
    </div>
  )
}
