import { formatDateTime } from '../../ui/dates'

/** Dates and text of responses as the thread and the inbox show them. */

const pad = (n: number) => String(n).padStart(2, '0')

/** A `datetime-local` value (local time, minutes) for a timestamp, or for now. */
export function toLocalInput(iso?: string): string {
  const d = iso ? new Date(iso) : new Date()
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** A `datetime-local` value back to a UTC timestamp; blank stays blank (the core then says now). */
export function fromLocalInput(value: string): string | undefined {
  if (!value.trim()) return undefined
  const d = new Date(value)
  // An unreadable value goes through as typed so the core answers with its one clear message.
  return Number.isNaN(d.getTime()) ? value : d.toISOString()
}

/** When a response arrived, as every date in the app is shown. */
export const formatReceived = formatDateTime
