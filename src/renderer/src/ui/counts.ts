/**
 * A count with its noun, agreeing in number and grouped as the locale writes numbers:
 * "1 word", "2 words", "12,000 characters". Every counter in the app says it this way.
 */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? singular : plural}`
}

/** A size in bytes as people read one: "12 KB" below a megabyte, "3.4 MB" from there. */
export function sizeOf(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
