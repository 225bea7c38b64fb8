import type { Column, HeaderMap } from './columns.js'

/** The two file formats of export and import. */
export type TransferFormat = 'csv' | 'jsonl'

export const TRANSFER_FORMATS: readonly TransferFormat[] = ['csv', 'jsonl']

/** One problem of one row, for a report: where, what was there, and the rule it breaks. */
export interface RowProblem {
  /** The row as a spreadsheet numbers it (the header is row 1), or the line of a JSONL file. */
  row: number
  /** The column as the file names it, when the problem is in one. */
  column?: string
  /** What the file holds there, shortened for a report. */
  value?: string
  /** The rule, in words, without the column's name: "must be a valid email address". */
  rule: string
}

/** One value of a row, under a column we know. */
export interface SourceCell {
  column: Column
  /** The column's name as the file writes it (`E-mail`), for reports. */
  header: string
  /** The value: text from a CSV (a neutralised formula already restored), any JSON value from JSONL. */
  value: unknown
  /** The value as the file holds it, for reports. */
  raw: unknown
}

/** One row of an import file, read but not yet checked. */
export interface SourceRow {
  row: number
  cells: SourceCell[]
  /** Keys of a JSONL object that name no column, with a value (a CSV reports unknown columns with its header). */
  unknown: string[]
  /** What reading it found already: a cell under no header, a line that is not JSON. */
  problems: RowProblem[]
}

/** What a reader hands out: the header (CSV only, first), then the rows. */
export type SourceItem = { kind: 'header'; header: HeaderMap } | { kind: 'row'; row: SourceRow }

/** A problem with the file as a whole: it cannot be read on (an unclosed quote, a line too long). */
export class SourceFileError extends Error {
  override name = 'SourceFileError'
  constructor(
    message: string,
    /** The line where reading stopped, when known. */
    readonly line?: number,
  ) {
    super(message)
  }
}

const MAX_SHOWN = 40

const UNSAFE = /[\u007f-\u009f\u2028\u2029]/g

/** A value for a report: JSON-quoted (so spaces and line breaks show), control characters escaped, at most ~40 characters. */
export function shortValue(value: unknown): string {
  const cut = (text: string) => {
    const chars = Array.from(text)
    return chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN - 1).join('')}…` : text
  }
  const json = JSON.stringify(typeof value === 'string' ? cut(value) : value) ?? String(value)
  const shown = typeof value === 'string' ? json : cut(json)
  return shown.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** "row 3, column "E-mail", value "bob@": must be a valid email address". */
export function formatRowProblem(problem: RowProblem): string {
  const where = [`row ${problem.row}`]
  if (problem.column !== undefined) where.push(`column ${shortValue(problem.column)}`)
  if (problem.value !== undefined) where.push(`value ${problem.value}`)
  return `${where.join(', ')}: ${problem.rule}`
}
