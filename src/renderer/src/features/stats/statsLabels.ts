import { SHORT_MONTH_NAMES } from '../../ui/dates'

// Short month names come from the one date module, worked out once: a locale lookup per label cost a frame per chart.
const MONTH_NAMES = SHORT_MONTH_NAMES

/** "2023-01" → "Jan 2023", or "Jan" when the whole chart is one year. */
export function monthLabel(month: string, withYear: boolean): string {
  const name = MONTH_NAMES[Number(month.slice(5, 7)) - 1]
  return withYear ? `${name} ${month.slice(0, 4)}` : name
}
