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

// Dates are formatted in one place for the whole app.
export { formatDay, formatMonth, todayLocal } from '../../ui/dates'

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
