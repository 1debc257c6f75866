/** Exit codes: 0 success, 1 failure, 2 usage. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const

export class UsageError extends Error {}
export class CliFailure extends Error {}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n')
}

/** A plain table for people: one row per line, columns padded. */
export function printTable(rows: Record<string, unknown>[], columns: string[]): void {
  if (rows.length === 0) {
    process.stdout.write('(none)\n')
    return
  }
  const cells = rows.map((row) => columns.map((c) => formatCell(row[c])))
  const widths = columns.map((c, i) => Math.min(48, Math.max(c.length, ...cells.map((r) => r[i].length))))
  const line = (values: string[]) =>
    values
      .map((v, i) => (v.length > widths[i] ? v.slice(0, widths[i] - 1) + '…' : v.padEnd(widths[i])))
      .join('  ')
  process.stdout.write(line(columns) + '\n')
  for (const row of cells) process.stdout.write(line(row).trimEnd() + '\n')
}

function formatCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.join(', ')
  return String(value)
}
