/** "2023-01" → "Jan 2023", or "Jan" when the whole chart is one year. */
export function monthLabel(month: string, withYear: boolean): string {
  const [y, m] = month.split('-').map(Number)
  const name = new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' })
  return withYear ? `${name} ${y}` : name
}
