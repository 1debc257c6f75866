/**
 * Every date the app shows goes through here, so one journal reads one way: in the locale the
 * system (the browser) reports, with the month spelt short ("20 Dec 2013" in en-GB, "Dec 20,
 * 2013" in en-US, "20.12.2013" in de). Days stored as YYYY-MM-DD are calendar days and are never
 * shifted by a time zone; timestamps are shown in the critic's own time zone.
 */

const dayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC'
})
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' })
const localDayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' })
const clockFormat = new Intl.DateTimeFormat(undefined, {
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'UTC'
})

function utcNoon(day: string): Date {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1, 12))
}

// Formatting is costly next to scrolling; a diary repeats the same few thousand days.
const dayCache = new Map<string, string>()

function cached(key: string, make: () => string): string {
  let text = dayCache.get(key)
  if (text === undefined) {
    text = make()
    if (dayCache.size > 20_000) dayCache.clear()
    dayCache.set(key, text)
  }
  return text
}

/** A calendar day (YYYY-MM-DD, or the first ten characters of a timestamp) as "20 Dec 2013". */
export function formatDay(day: string): string {
  const key = day.slice(0, 10)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(key)) return day
  return cached(key, () => dayFormat.format(utcNoon(key)))
}

/** A month (YYYY-MM) as "December 2013". */
export function formatMonth(month: string): string {
  return cached(`month:${month}`, () => monthFormat.format(utcNoon(`${month}-01`)))
}

/** The twelve short month names in the locale ("Jan" … "Dec"), for chart axes. */
export const SHORT_MONTH_NAMES: readonly string[] = Array.from({ length: 12 }, (_, i) =>
  new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, i, 1, 12))
  )
)

/** A moment (ISO timestamp) as its day in the critic's time zone: "7 Dec 2026". */
export function formatInstantDay(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : localDayFormat.format(d)
}

/** A moment (ISO timestamp) as day and time in the critic's time zone: "7 Dec 2026, 09:41". */
export function formatDateTime(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : `${localDayFormat.format(d)}, ${timeFormat.format(d)}`
}

const secondsFormat = new Intl.DateTimeFormat(undefined, {
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit'
})

/** A moment to the second, for telling apart things done in the same minute: "7 Dec 2026, 09:41:07". */
export function formatDateTimeSeconds(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : `${localDayFormat.format(d)}, ${secondsFormat.format(d)}`
}

/** A wall-clock time typed as HH:MM ("19:30"), in the locale's style ("7:30 PM" in en-US). */
export function formatClock(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number)
  if (!Number.isFinite(h) || !Number.isFinite(m)) return hhmm
  return clockFormat.format(new Date(Date.UTC(2000, 0, 1, h, m)))
}

/** Today as YYYY-MM-DD in the critic's own time zone (a late screening is still "today"). */
export function todayLocal(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
