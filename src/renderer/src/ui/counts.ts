/**
 * A count with its noun, agreeing in number and grouped as the locale writes numbers:
 * "1 word", "2 words", "12,000 characters". Every counter in the app says it this way.
 */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? singular : plural}`
}
