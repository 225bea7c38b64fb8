import { type ContactFieldName, contactField, contactFieldNames } from '@cc/schema'

/** The contact's own timestamps: an export writes them, an import reads past them. */
export const TIMESTAMP_COLUMNS = ['createdAt', 'updatedAt'] as const

/** What a column of an export or an import file holds. */
export type Column = 'id' | ContactFieldName | (typeof TIMESTAMP_COLUMNS)[number]

/** The columns of an export, in order: the id, the 14 writable fields, then the timestamps. */
export const EXPORT_COLUMNS: readonly Column[] = ['id', ...contactFieldNames, ...TIMESTAMP_COLUMNS]

/** `"First Name"`, `"first_name"`, `"E-mail"` → `"firstname"`, `"firstname"`, `"email"`. */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[\s_\-.]+/g, '')
}

/** Names other tools and people give these columns, beyond our own names and the form labels. */
const ALIASES: Readonly<Record<Column, readonly string[]>> = {
  id: ['contact id', 'person id', 'contactId', 'personId'],
  firstName: ['first', 'given name', 'forename', 'fname'],
  lastName: ['last', 'surname', 'family name', 'lname'],
  email: ['e-mail', 'email address', 'e-mail address', 'mail'],
  phone: ['phone number', 'mobile', 'mobile phone', 'mobile number', 'cell', 'cell phone', 'telephone', 'tel'],
  source: ['lead source'],
  stage: ['stage id', 'stageId'],
  price: ['budget'],
  timeframe: ['time frame'],
  background: ['notes', 'description'],
  tags: ['tag', 'labels'],
  street: ['address', 'street address', 'address 1', 'address line 1'],
  city: ['town'],
  state: ['state code', 'province'],
  zipCode: ['zip', 'zip code', 'postal code', 'postcode', 'post code'],
  createdAt: ['created', 'created at', 'date created'],
  updatedAt: ['updated', 'updated at', 'last updated'],
}

const label = (column: Column): string | undefined =>
  (contactFieldNames as string[]).includes(column) ? contactField(column as ContactFieldName).label : undefined

const byHeader = new Map<string, Column>()
for (const column of EXPORT_COLUMNS) {
  for (const name of [column, label(column), ...ALIASES[column]]) {
    if (name !== undefined) byHeader.set(normalizeHeader(name), column)
  }
}

/** The column a header names, case, spaces, `-`, `_` and `.` aside; `undefined` for a header we do not know. */
export function columnFor(header: string): Column | undefined {
  return byHeader.get(normalizeHeader(header))
}

/** Whether an import sends this column: the timestamps are the server's, never sent. */
export const isSentColumn = (column: Column): column is 'id' | ContactFieldName =>
  !(TIMESTAMP_COLUMNS as readonly string[]).includes(column)

export interface HeaderProblem {
  /** 1-based position of the column in the file. */
  position: number
  header: string
  message: string
}

/** What each column of a header row holds. */
export interface HeaderMap {
  /** By position: the column, or `undefined` for one we do not know (or left out as a duplicate). */
  columns: readonly (Column | undefined)[]
  /** The headers as written, by position. */
  headers: readonly string[]
  /** Columns we do not know. */
  unknown: readonly HeaderProblem[]
  /** A second column for the same field. */
  duplicates: readonly HeaderProblem[]
}

/**
 * Reads a header row: each header matched to a column; unknown and repeated columns are reported, not dropped. A
 * column with an empty header maps to nothing (a trailing comma); a row with a value under it is reported.
 */
export function mapHeader(headers: readonly string[]): HeaderMap {
  const seen = new Map<Column, number>()
  const unknown: HeaderProblem[] = []
  const duplicates: HeaderProblem[] = []
  const columns = headers.map((header, index) => {
    const position = index + 1
    const column = columnFor(header)
    if (column === undefined) {
      if (header.trim() !== '') unknown.push({ position, header, message: unknownColumnMessage() })
      return undefined
    }
    const first = seen.get(column)
    if (first !== undefined) {
      duplicates.push({
        position,
        header,
        message: `is the same field as column ${first} "${headers[first - 1]}" (${column})`,
      })
      return undefined
    }
    seen.set(column, position)
    return column
  })
  return { columns, headers, unknown, duplicates }
}

/** "is not a contact field (…)": what the known columns are called. */
export function unknownColumnMessage(): string {
  return `is not a contact field (columns: ${EXPORT_COLUMNS.join(', ')}; common names like "First Name", "E-mail", "Mobile" or "Zip" work too)`
}
