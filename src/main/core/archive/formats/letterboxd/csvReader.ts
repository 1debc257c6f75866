import { pipeline, Readable } from 'node:stream'
import { parse, CsvError } from 'csv-parse'
import { ImportFault } from '../types'
import { formatBytes } from '../../files/limits'

export interface CsvRow {
  /** Cells by column name. */
  cells: Record<string, string>
  /** 1-based data row (the header is row 0). */
  row: number
  /** The line the row starts on, for messages (quoted fields may span lines). */
  line: number
}

/**
 * Reads CSV text with csv-parse (quoted fields holding commas, quotes and newlines; CRLF or LF;
 * a BOM), calling `onHeaders` with the first row before any data row, and yielding each data
 * row by column name. A row with the wrong number of cells is yielded with `cells` null so the
 * caller can report it; text that is not CSV at all (a quote never closed) ends the import.
 */
export async function* readCsv(
  chunks: AsyncIterable<string>,
  label: string,
  maxRecordChars: number,
  onHeaders: (headers: string[]) => void
): AsyncGenerator<CsvRow | { cells: null; row: number; line: number; message: string }> {
  const parser = parse({ bom: true, relax_column_count: true, max_record_size: maxRecordChars })
  // pipeline, not pipe: a fault in the source (text that is not UTF-8) must reach the reader.
  pipeline(Readable.from(chunks), parser, () => {})
  let headers: string[] | null = null
  let row = 0
  // Lines counted here: csv-parse counts a CRLF inside a quoted field as two.
  let nextLine = 1
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const line = nextLine
      nextLine += 1 + countLineBreaks(record)
      if (record.length === 1 && record[0].trim() === '') continue
      if (!headers) {
        headers = record.map((h) => h.trim())
        onHeaders(headers)
        continue
      }
      row++
      if (record.length !== headers.length) {
        yield {
          cells: null,
          row,
          line,
          message: `has ${record.length} cells where the header has ${headers.length}`
        }
        continue
      }
      const cells: Record<string, string> = {}
      for (let i = 0; i < headers.length; i++) cells[headers[i]] = record[i]
      yield { cells, row, line }
    }
  } catch (err) {
    parser.destroy()
    if (err instanceof CsvError) throw csvFault(err, label, maxRecordChars)
    throw err
  }
  if (!headers) throw new ImportFault(`${label} is empty: it has no header row. Nothing was imported.`)
}

function countLineBreaks(record: string[]): number {
  let n = 0
  for (const cell of record)
    if (cell.includes('\n') || cell.includes('\r')) n += cell.split(/\r\n|\r|\n/).length - 1
  return n
}

function csvFault(err: CsvError, label: string, maxRecordChars: number): ImportFault {
  const line = (err as CsvError & { lines?: number }).lines
  const where = line ? ` near line ${line}` : ''
  if (err.code === 'CSV_MAX_RECORD_SIZE') {
    return new ImportFault(
      `${label} has a row larger than ${formatBytes(maxRecordChars)}${where}; nothing was imported.`
    )
  }
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new ImportFault(
      `${label} is cut short or damaged: a quoted field${where} is never closed. Nothing was imported.`
    )
  }
  return new ImportFault(`${label} is not valid CSV${where} (${err.message}). Nothing was imported.`)
}
