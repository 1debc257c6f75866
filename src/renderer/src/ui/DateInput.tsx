import type { InputHTMLAttributes } from 'react'

/** The one way a day is typed in the app, shown beside every date field as its hint. */
export const DAY_FORMAT_HINT = 'YYYY-MM-DD'

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'> & {
  value: string
  onChange(value: string): void
}

/**
 * Reads what was typed as a day: 2013-12-20, and the same with slashes or dots, or 20131220.
 * Anything else is handed on as typed, for the field's check to name.
 */
export function normalizeDay(typed: string): string {
  const text = typed.trim()
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text)
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`
  const parts = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text)
  if (parts) return `${parts[1]}-${parts[2]!.padStart(2, '0')}-${parts[3]!.padStart(2, '0')}`
  return text
}

/**
 * A calendar day typed as text in the format its placeholder and hint show (YYYY-MM-DD), so what
 * the field shows, what it accepts and what its error message asks for are one and the same.
 * (Chromium's own date field shows the system's order, mm/dd/yyyy in the US, and turns
 * "2013-12-20" typed into it into year 31220.)
 */
export function DateInput({ value, onChange, onBlur, ...rest }: Props) {
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      placeholder={DAY_FORMAT_HINT}
      maxLength={10}
      size={11}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onBlur={(e) => {
        const normal = normalizeDay(e.target.value)
        if (normal !== e.target.value) onChange(normal)
        onBlur?.(e)
      }}
    />
  )
}
