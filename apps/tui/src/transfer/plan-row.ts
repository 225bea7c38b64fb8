import {
  apiIssues,
  ContactId,
  type CreateContactInput,
  CreateContactInput as CreateSchema,
  type UpdateContactInput,
  UpdateContactInput as UpdateSchema,
} from '@cc/schema'
import { unknownColumnMessage } from './columns.js'
import { readFieldText } from './field-text.js'
import { type RowProblem, type SourceCell, type SourceRow, shortValue } from './source-rows.js'

/**
 * How rows find their contact:
 * - `id`: a row with an id updates that contact; a row without one creates a contact (the API updates the contact
 *   that already has the row's email instead).
 * - `email`: every row is sent as a create, which the API turns into an update of the contact with the same email;
 *   every row needs an email, and an id column is not read.
 */
export type MatchMode = 'id' | 'email'

export const MATCH_MODES: readonly MatchMode[] = ['id', 'email']

export interface PlanOptions {
  match: MatchMode
  /** Leave out columns (JSONL keys) that are not contact fields instead of refusing the row. */
  ignoreUnknown?: boolean
}

/** What an import does with one row. */
export type PlannedRow =
  | { row: number; action: 'create'; values: CreateContactInput }
  | { row: number; action: 'update'; id: string; values: UpdateContactInput }
  | { row: number; action: 'skip'; reason: string }
  | { row: number; action: 'invalid'; problems: RowProblem[] }

export type PlannedAction = PlannedRow['action']

/** A cell that leaves its field as it is: empty text, `null`, or an empty list of tags (JSONL). */
const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)

/**
 * Checks one row with `@cc/schema` and says what to do with it. Only the cells with a value are read (an empty
 * cell leaves the field as it is); every problem of the row is reported, each with its column, value and rule.
 */
export function planRow(source: SourceRow, options: PlanOptions): PlannedRow {
  const { row } = source
  const problems: RowProblem[] = [...source.problems]
  if (!options.ignoreUnknown) {
    for (const key of source.unknown) problems.push({ row, column: key, rule: unknownColumnMessage() })
  }
  const values: Record<string, unknown> = {}
  /** The cell behind each field, to name it in a problem. */
  const cellOf = new Map<string, SourceCell>()
  let id: string | undefined
  for (const cell of source.cells) {
    if (isEmpty(cell.value) || cell.column === 'createdAt' || cell.column === 'updatedAt') continue
    if (cell.column === 'id') {
      if (options.match === 'email') continue
      const checked = ContactId.safeParse(cell.value)
      if (checked.success) id = checked.data
      else problems.push(problemAt(row, cell, checked.error.issues[0]?.message ?? 'is not a contact id'))
      continue
    }
    const name = cell.column
    cellOf.set(name, cell)
    if (typeof cell.value !== 'string') {
      values[name] = cell.value
      continue
    }
    const reading = readFieldText(name, cell.value, { keepValidPhone: true })
    if (reading.ok) values[name] = reading.value
    else problems.push(problemAt(row, cell, reading.rule))
  }
  const badFields = new Set(problems.map((problem) => problem.column))
  const hasValues = cellOf.size > 0

  if (options.match === 'email' && hasValues && !cellOf.has('email')) {
    problems.push({ row, rule: 'needs an email: with --match email every row is matched by its email' })
  }
  if (!hasValues && problems.length === 0) {
    return { row, action: 'skip', reason: id === undefined ? 'empty row' : 'nothing to change besides the id' }
  }
  const schema = id === undefined ? CreateSchema : UpdateSchema
  const checked = schema.safeParse(values)
  if (!checked.success) {
    for (const issue of apiIssues(checked.error)) {
      const [field, item] = issue.path
      const cell = field === undefined ? undefined : cellOf.get(String(field))
      // A cell that could not be read at all has its problem already.
      if (cell && badFields.has(cell.header)) continue
      const rule = typeof item === 'number' && field === 'tags' ? `tag ${item + 1} ${issue.message}` : issue.message
      problems.push(cell ? problemAt(row, cell, rule) : { row, rule })
    }
  }
  if (problems.length > 0) return { row, action: 'invalid', problems: problems.sort(byColumnOrder(source)) }
  if (id !== undefined) return { row, action: 'update', id, values: checked.data as UpdateContactInput }
  return { row, action: 'create', values: checked.data as CreateContactInput }
}

function problemAt(row: number, cell: SourceCell, rule: string): RowProblem {
  return { row, column: cell.header, value: shortValue(cell.raw), rule }
}

/** Problems in the order of the row's columns, those of the row as a whole last. */
function byColumnOrder(source: SourceRow) {
  const position = new Map(source.cells.map((cell, index) => [cell.header, index]))
  const at = (problem: RowProblem) =>
    problem.column === undefined ? Number.POSITIVE_INFINITY : (position.get(problem.column) ?? -1)
  return (a: RowProblem, b: RowProblem) => at(a) - at(b)
}
