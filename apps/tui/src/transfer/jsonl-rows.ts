import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { type Column, columnFor } from './columns.js'
import { MAX_RECORD_BYTES } from './csv-rows.js'
import { type RowProblem, type SourceCell, type SourceItem, type SourceRow, shortValue } from './source-rows.js'

/**
 * Reads JSON Lines: one object per line, its keys named like CSV headers (`email`, `E-mail`, `First Name`…), its
 * values text, or a number for the price and a list of text for the tags (as `export --format jsonl` writes
 * them). A blank line is an empty row. Rows are numbered by line. Streams: one line at a time.
 */
export async function* readJsonlRows(input: Readable): AsyncGenerator<SourceItem> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
  let row = 0
  for await (const text of lines) {
    row++
    yield { kind: 'row', row: jsonlRow(row, row === 1 ? text.replace(/^\uFEFF/, '') : text) }
  }
}

const JSON_KINDS = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value)

function jsonlRow(row: number, text: string): SourceRow {
  const empty: SourceRow = { row, cells: [], unknown: [], problems: [] }
  if (text.trim() === '') return empty
  const problem = (rule: string, value?: unknown): SourceRow => ({
    ...empty,
    problems: [{ row, rule, ...(value === undefined ? {} : { value: shortValue(value) }) }],
  })
  if (text.length > MAX_RECORD_BYTES) return problem(`is longer than ${MAX_RECORD_BYTES} characters`)
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return problem(`is not JSON (${(error as Error).message})`, text)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return problem(`must be a JSON object, not ${JSON_KINDS(parsed)}`, parsed)
  }
  const cells: SourceCell[] = []
  const unknown: string[] = []
  const problems: RowProblem[] = []
  const seen = new Map<Column, string>()
  for (const [key, value] of Object.entries(parsed)) {
    const column = columnFor(key)
    if (column === undefined) {
      if (value !== null && value !== '') unknown.push(key)
      continue
    }
    const first = seen.get(column)
    if (first !== undefined) {
      problems.push({ row, column: key, rule: `is the same field as "${first}" (${column})` })
      continue
    }
    seen.set(column, key)
    cells.push({ column, header: key, value, raw: value })
  }
  return { row, cells, unknown, problems }
}
