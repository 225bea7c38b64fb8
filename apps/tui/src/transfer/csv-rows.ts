import type { Readable } from 'node:stream'
import { CsvError, parse } from 'csv-parse'
import { type HeaderMap, mapHeader } from './columns.js'
import { restoreCell } from './formula.js'
import {
  type RowProblem,
  type SourceCell,
  SourceFileError,
  type SourceItem,
  type SourceRow,
  shortValue,
} from './source-rows.js'

/**
 * The longest record read: far above any valid contact (its longest field is 5 000 characters), and a bound on
 * memory when a stray quote would otherwise swallow the rest of the file into one cell.
 */
export const MAX_RECORD_BYTES = 1024 * 1024

/**
 * Reads a CSV file (RFC 4180, with csv-parse): a UTF-8 byte order mark, CRLF or LF, quoted fields holding commas,
 * quotes and line breaks. The first record is the header. Rows are numbered as a spreadsheet shows them (the
 * header is row 1; a blank line is a row too), each cell with a leading `'` restored (see `formula.ts`).
 * Streams: one record at a time.
 */
export async function* readCsvRows(input: Readable): AsyncGenerator<SourceItem> {
  const parser = input.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: MAX_RECORD_BYTES,
    }),
  )
  // A read error of the file (it vanished, a directory) must reach the reader of the records.
  input.once('error', (error) => parser.destroy(error))
  let header: HeaderMap | undefined
  let row = 0
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++
      if (header === undefined) {
        header = mapHeader(record)
        yield { kind: 'header', header }
        continue
      }
      yield { kind: 'row', row: csvRow(row, record, header) }
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines
      throw new SourceFileError(`${line ? `line ${line}: ` : ''}${error.message}`, line)
    }
    throw error
  }
  if (header === undefined) throw new SourceFileError('the file is empty: a CSV needs a header row')
}

function csvRow(row: number, record: readonly string[], header: HeaderMap): SourceRow {
  const cells: SourceCell[] = []
  const problems: RowProblem[] = []
  record.forEach((raw, index) => {
    const column = header.columns[index]
    if (column !== undefined)
      cells.push({ column, header: header.headers[index] as string, value: restoreCell(raw), raw })
    // An unknown column is reported once, with the header; a value under an empty header is this row's problem.
    else if (raw !== '' && header.headers[index]?.trim() === '') {
      problems.push({ row, value: shortValue(raw), rule: `column ${index + 1} has a value but no header` })
    }
  })
  const extra = record.slice(header.headers.length).filter((raw) => raw !== '')
  if (extra.length > 0) {
    problems.push({
      row,
      value: shortValue(extra[0]),
      rule: `has ${record.length} cells, the header has ${header.headers.length}`,
    })
  }
  return { row, cells, unknown: [], problems }
}
