import type { ScreeningFormat } from '../../../../shared/domain'

export const FORMAT_LABELS: Record<ScreeningFormat, string> = {
  cinema: 'Cinema',
  press: 'Press screening',
  festival: 'Festival',
  screener: 'Screener link',
  streaming: 'Streaming',
  tv: 'TV',
  'home-media': 'Home media',
  other: 'Other'
}

/** What the "detail" field means for each format (the festival, the service …). */
export const DETAIL_LABELS: Record<ScreeningFormat, string> = {
  cinema: 'Screening series or print',
  press: 'Distributor or publicist',
  festival: 'Festival',
  screener: 'Platform',
  streaming: 'Service',
  tv: 'Channel',
  'home-media': 'Disc or edition',
  other: 'Detail'
}

// Calendar days are shown without a time zone shift: built from their parts at UTC noon.
const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' })

function utcNoon(day: string): Date {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1, 12))
}

// Formatting is costly next to scrolling; a diary repeats the same few thousand days.
const dayCache = new Map<string, string>()

/** "10 Feb 2026" for 2026-02-10, in the reader's locale. */
export function formatDay(day: string, format = dayFormat): string {
  const key = format === dayFormat ? day : `month:${day}`
  let text = dayCache.get(key)
  if (text === undefined) {
    text = format.format(utcNoon(day))
    if (dayCache.size > 20_000) dayCache.clear()
    dayCache.set(key, text)
  }
  return text
}

/** "February 2026" for 2026-02. */
export function formatMonth(month: string): string {
  return formatDay(`${month}-01`, monthFormat)
}

/** Today as YYYY-MM-DD in the critic's own time zone (a late screening is still "today"). */
export function todayLocal(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

const countFormat = new Intl.NumberFormat()

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${countFormat.format(n)} ${n === 1 ? one : many}`
}

/** Splits "Ana, Tom" into names; blanks dropped. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}
