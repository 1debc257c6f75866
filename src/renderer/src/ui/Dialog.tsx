import { useEffect, useId, useRef, type ReactNode } from 'react'
import './Dialog.css'

interface Props {
  /** The heading that names the dialog for screen readers (aria-labelledby). */
  title: ReactNode
  /** A line under the heading that says what is asked; read out with the name (aria-describedby). */
  description?: ReactNode
  /** Escape, or whatever the caller wires to its Cancel/Close buttons: the caller unmounts the dialog. */
  onClose(): void
  /** small: a question; medium: a short form; large: a long form; sheet: a panel along the right edge. */
  size?: 'small' | 'medium' | 'large' | 'sheet'
  /** Buttons beside the heading (a sheet's Close). */
  headerActions?: ReactNode
  className?: string
  children?: ReactNode
}

/**
 * The app's one modal dialog, on the native <dialog> opened with showModal(): the browser keeps
 * focus inside and makes the page behind inert. Shown while mounted; Escape asks the caller to
 * close. Focus starts on the element marked `data-initial-focus` (else the browser's choice, the
 * first control) and goes back to whatever had it before, when that is still on the page.
 */
export function Dialog({
  title,
  description,
  onClose,
  size = 'medium',
  headerActions,
  className,
  children
}: Props) {
  const id = useId()
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const node = ref.current
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (node && !node.open) node.showModal()
    node?.querySelector<HTMLElement>('[data-initial-focus]')?.focus()
    return () => {
      node?.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className={['dialog', `dialog-${size}`, className].filter(Boolean).join(' ')}
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-description` : undefined}
      onCancel={(event) => {
        // The caller decides: it unmounts the dialog, and focus goes back on the way out.
        event.preventDefault()
        onClose()
      }}
    >
      <div className="dialog-header">
        <h2 id={`${id}-title`}>{title}</h2>
        {headerActions}
      </div>
      {description && (
        <p id={`${id}-description`} className="dialog-description">
          {description}
        </p>
      )}
      {children}
    </dialog>
  )
}
