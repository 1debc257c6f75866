/** Short month names, worked out once: a locale lookup per label cost a frame per chart. */
const MONTH_NAMES = Array.from({ length: 12 }, (_, i) =>
  new Date(Date.UTC(2000, i, 1)).toLocaleString(undefined, { month: 'short', timeZone: 'UTC' })
)

/** "2023-01" → "Jan 2023", or "Jan" when the whole chart is one year. */
export function monthLabel(month: string, withYear: boolean): string {
  const name = MONTH_NAMES[Number(month.slice(5, 7)) - 1]
  return withYear ? `${name} ${month.slice(0, 4)}` : name
}
