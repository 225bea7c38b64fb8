import { type ContactFieldName, type ContactValues, contactFieldNames, type Person, toUpdateInput } from '@cc/schema'
import { EXPORT_COLUMNS } from './columns.js'
import { fieldText } from './field-text.js'
import { neutralizeCell } from './formula.js'

/** A contact as an export writes it: its id, its writable fields (as a patch sends them), its timestamps. */
export type ContactRecord = { id: string } & ContactValues & { createdAt?: string; updatedAt?: string }

export function contactRecord(person: Person): ContactRecord {
  return {
    id: person.id,
    ...toUpdateInput(person),
    ...(person.createdAt ? { createdAt: person.createdAt } : {}),
    ...(person.updatedAt ? { updatedAt: person.updatedAt } : {}),
  }
}

const isField = (column: string): column is ContactFieldName => (contactFieldNames as string[]).includes(column)

/** The CSV header row. */
export const csvHeader = (): string[] => [...EXPORT_COLUMNS]

/**
 * One CSV row in `EXPORT_COLUMNS` order: tags joined with `, `, a price as a plain number, an absent field empty,
 * and every cell a spreadsheet could run as a formula neutralised.
 */
export function csvCells(record: ContactRecord): string[] {
  return EXPORT_COLUMNS.map((column) => {
    const text = isField(column) ? fieldText(column, record[column]) : (record[column] ?? '')
    return neutralizeCell(text)
  })
}

/** One JSON Lines object: the same columns, only those with a value, tags as a list and the price as a number. */
export function jsonlLine(record: ContactRecord): string {
  const ordered: Record<string, unknown> = {}
  for (const column of EXPORT_COLUMNS) {
    const value = record[column]
    if (value !== undefined) ordered[column] = value
  }
  return `${JSON.stringify(ordered)}\n`
}
