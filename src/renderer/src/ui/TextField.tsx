import type { InputHTMLAttributes, ReactNode } from 'react'

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> {
  id: string
  label: ReactNode
  value: string
  onChange(value: string): void
  /** Shown under the box and read with it; the box is then marked invalid. */
  error?: string
  /** The wrapper's class beside `field`. */
  className?: string
}

/**
 * A labelled text box with its error tied to it, the way every form here shows one: the label
 * above, the message under the box, `aria-invalid` and `aria-describedby` set only while there
 * is a message.
 */
export function TextField({ id, label, value, onChange, error, className, ...input }: Props) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
