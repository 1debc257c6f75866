/** Letterboxd's import format, in the order its help page lists the columns we fill. */
export const IMPORT_COLUMNS = [
  'Title',
  'Year',
  'Rating',
  'WatchedDate',
  'Rewatch',
  'Tags',
  'Review',
  'LetterboxdURI',
  'tmdbID',
  'imdbID',
  'Directors'
] as const
export type ImportColumn = (typeof IMPORT_COLUMNS)[number]

/** Letterboxd refuses import files of 1 MB or more; stay clearly below. */
export const MAX_FILE_BYTES = 1_000_000

/**
 * One cell, safe in a spreadsheet and quoted as RFC 4180 wants. A cell starting with = + - @,
 * a tab or a carriage return would run as a formula in Excel or LibreOffice ("CSV injection"),
 * so it gets a leading apostrophe, which spreadsheets show as text; our importer removes it.
 */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]|^\s|\s$/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded
}

/** One CSV line (ending in CRLF, as RFC 4180 and Letterboxd's own exports do). */
export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',') + '\r\n'
}

/**
 * Splits rows into files that each start with the header and stay under `maxBytes`. A single
 * row too large for any file is returned in `tooLarge` (the caller says which review it is).
 */
export function splitCsv(
  header: string,
  lines: Iterable<{ line: string; label: string }>,
  maxBytes = MAX_FILE_BYTES
): { files: string[]; tooLarge: string | null } {
  const files: string[] = []
  const headerBytes = Buffer.byteLength(header)
  let current: string[] = []
  let size = headerBytes
  for (const { line, label } of lines) {
    const bytes = Buffer.byteLength(line)
    if (headerBytes + bytes >= maxBytes) return { files, tooLarge: label }
    if (size + bytes >= maxBytes) {
      files.push(header + current.join(''))
      current = []
      size = headerBytes
    }
    current.push(line)
    size += bytes
  }
  if (current.length || files.length === 0) files.push(header + current.join(''))
  return { files, tooLarge: null }
}
